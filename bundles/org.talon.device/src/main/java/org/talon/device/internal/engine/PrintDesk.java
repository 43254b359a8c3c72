package org.talon.device.internal.engine;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.talon.device.api.PrintedTicket;
import org.talon.device.api.TicketPrinter;
import org.talon.queue.api.Branch;
import org.talon.queue.api.QueueService;
import org.talon.queue.api.Service;
import org.talon.queue.api.Ticket;

/**
 * Prints a kiosk's tickets: on the kiosk's own printer, else on the printer named as its
 * fallback (and that one's fallback), else nowhere, and the ticket is shown on the kiosk's screen
 * only. The answer says which, so the kiosk tells the customer where to take the ticket. A ticket
 * is printed once: asking again answers what was done.
 */
@Component(service = PrintDesk.class)
public final class PrintDesk {
    /** How long one printer has for one ticket (a QR ticket takes about a second at 9600 baud). */
    static final long PRINT_TIMEOUT_SECONDS = 15;

    /**
     * Where a ticket went, as the print route answers it: {@code outcome} {@code PRINTED} or
     * {@code SHOWN_ON_SCREEN}; the printer's id and label; whether it is a fallback printer, not the
     * kiosk's own; the printers tried before, each with why it did not print.
     */
    public record PrintOutcome(String outcome, String printer, String printerLabel, boolean fallback, List<String> tried, String number) {
        public static final String PRINTED = "PRINTED";
        public static final String SCREEN = "SHOWN_ON_SCREEN";
    }

    private final HardwareHost host;
    private final QueueService queues;
    /** Tickets printed or being printed, by ticket id: the latest 2000. */
    private final Map<Long, CompletableFuture<PrintOutcome>> done = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, CompletableFuture<PrintOutcome>> e) {
            return size() > 2000;
        }
    });

    @Activate
    public PrintDesk(@Reference HardwareHost host, @Reference QueueService queues) {
        this.host = host;
        this.queues = queues;
    }

    /** The printers a kiosk prints on, in order: its own, then each one's fallback. */
    List<HardwareUnit> chain(String branch, String kiosk) {
        List<HardwareUnit> all = host.running(branch, HardwareUnit.Kind.PRINTER);
        Set<HardwareUnit> order = new LinkedHashSet<>();
        for (HardwareUnit u : all) {
            if (kiosk != null && kiosk.equals(u.location().kiosk())) order.add(u);
        }
        List<HardwareUnit> queue = new ArrayList<>(order);
        for (int i = 0; i < queue.size(); i++) {
            String f = queue.get(i).fallback;
            if (f == null) continue;
            for (HardwareUnit u : all) {
                if (u.id().equals(f) && order.add(u)) queue.add(u);
            }
        }
        return List.copyOf(order);
    }

    /**
     * Prints the ticket for the kiosk (or answers how it was printed before).
     *
     * @param url the ticket's page for a phone, printed as a QR code
     */
    public PrintOutcome print(Ticket t, String kiosk, Locale locale, String url) throws InterruptedException {
        CompletableFuture<PrintOutcome> mine = new CompletableFuture<>();
        CompletableFuture<PrintOutcome> before = done.putIfAbsent(t.id(), mine);
        if (before != null) {
            try {
                return before.get(PRINT_TIMEOUT_SECONDS * 4, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("the first print of " + t.number() + " did not end", e);
            }
        }
        try {
            PrintOutcome o = printNow(t, kiosk, locale, url);
            mine.complete(o);
            return o;
        } catch (RuntimeException | InterruptedException e) {
            done.remove(t.id());
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private PrintOutcome printNow(Ticket t, String kiosk, Locale locale, String url) throws InterruptedException {
        PrintedTicket ticket = compose(t, locale, url);
        List<String> tried = new ArrayList<>();
        List<HardwareUnit> chain = chain(t.branch(), kiosk);
        PrintOutcome outcome = null;
        for (int i = 0; i < chain.size() && outcome == null; i++) {
            HardwareUnit u = chain.get(i);
            if (!u.status().usable()) {
                tried.add(u.id() + ": " + u.status());
                continue;
            }
            try {
                ((TicketPrinter) u.driver).print(ticket).toCompletableFuture().get(PRINT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                u.printed(printedView(ticket));
                outcome = new PrintOutcome(PrintOutcome.PRINTED, u.id(), u.label(), i > 0 && !kiosk.equals(u.location().kiosk()), List.copyOf(tried),
                        t.number());
            } catch (ExecutionException e) {
                tried.add(u.id() + ": " + (e.getCause() == null ? e : e.getCause().getMessage()));
            } catch (TimeoutException e) {
                tried.add(u.id() + ": no answer in " + PRINT_TIMEOUT_SECONDS + " s");
            } catch (RuntimeException e) {
                tried.add(u.id() + ": " + e);
            }
        }
        if (outcome == null) outcome = new PrintOutcome(PrintOutcome.SCREEN, null, null, false, List.copyOf(tried), t.number());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ticketId", t.id());
        p.put("number", t.number());
        if (kiosk != null) p.put("kiosk", kiosk);
        p.put("outcome", outcome.outcome());
        if (outcome.printer() != null) p.put("printer", outcome.printer());
        p.put("fallback", outcome.fallback());
        if (!tried.isEmpty()) p.put("tried", tried);
        host.append(t.branch(), HardwareEvents.TICKET_PRINTED, p);
        return outcome;
    }

    private static Map<String, Object> printedView(PrintedTicket t) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "branchName", t.branchName());
        put(m, "serviceName", t.serviceName());
        put(m, "heading", t.heading());
        put(m, "number", t.number());
        put(m, "waitText", t.waitText());
        put(m, "issuedText", t.issuedText());
        put(m, "url", t.url());
        put(m, "urlCaption", t.urlCaption());
        return m;
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v != null) m.put(k, v);
    }

    /** The ticket as printed, in the customer's language. */
    PrintedTicket compose(Ticket t, Locale requested, String url) {
        Locale locale = org.talon.event.api.text.Texts.supported(t.language() != null ? Locale.forLanguageTag(t.language()) : requested);
        Branch b = queues.branch(t.branch());
        ZoneId zone = b == null ? ZoneId.systemDefault() : b.zone();
        String lang = locale.getLanguage();
        Optional<Service> s = queues.services(t.branch()).stream().filter(x -> x.code().equals(t.service())).findFirst();
        int ahead = Math.max(0, t.position() - 1);
        String wait;
        if (t.estimatedWait() == null) wait = DeviceTexts.TEXTS.text(locale, "ticket.ahead", ahead);
        else wait = DeviceTexts.TEXTS.text(locale, "ticket.aheadAndWait", ahead, Math.max(1, (t.estimatedWait().toSeconds() + 59) / 60));
        var at = t.issuedAt().atZone(zone);
        return PrintedTicket.builder().branchName(b == null ? t.branch() : b.name(lang)).serviceName(s.map(x -> x.name(lang)).orElse(t.service()))
                .heading(DeviceTexts.TEXTS.text(locale, "ticket.heading")).number(t.number()).waitText(wait).issuedAt(at)
                .issuedText(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale).format(at)).url(url)
                .urlCaption(url == null ? null : DeviceTexts.TEXTS.text(locale, "ticket.qr")).locale(locale).build();
    }

}
