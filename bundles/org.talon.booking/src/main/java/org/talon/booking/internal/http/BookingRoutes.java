package org.talon.booking.internal.http;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.talon.booking.api.BookableService;
import org.talon.booking.api.Booking;
import org.talon.booking.api.BookingException;
import org.talon.booking.api.BookingRequest;
import org.talon.booking.api.BookingService;
import org.talon.booking.api.CheckIn;
import org.talon.booking.api.Resource;
import org.talon.booking.internal.engine.Messages;
import org.talon.booking.internal.engine.Throttle;
import org.talon.event.api.privacy.ContactAddress;
import org.talon.queue.api.Channel;
import org.talon.queue.api.QueueException;
import org.talon.queue.api.QueueService;
import org.talon.web.api.ApiProblem;
import org.talon.web.api.Reply;
import org.talon.web.api.Role;
import org.talon.web.api.Route;
import org.talon.web.api.RouteRequest;
import org.talon.web.api.RouteSpec;

/**
 * The booking domain's routes: the public ones the booking page uses (services, days, slots,
 * booking, and a customer's own booking by its code with the contact as proof), check-in for
 * kiosks and reception, and the schedule for managers. Public routes are limited per contact
 * and per code.
 */
@Component(service = {})
public final class BookingRoutes {
    private static final Set<Role> STAFF = Set.of(Role.MANAGER, Role.RECEPTION);
    private static final Set<Role> CHECKERS = Set.of(Role.KIOSK, Role.RECEPTION);
    private static final Role[] PUBLIC = {Role.PUBLIC};
    /** Bookings one contact may attempt per hour on the public route. */
    static final int BOOKINGS_PER_HOUR = 10;
    /** Wrong contacts given for one code in 15 minutes before the code is locked for the rest of them. */
    static final int WRONG_PROOFS = 5;

    private final BookingService bookings;
    private final QueueService queues;
    private final List<ServiceRegistration<Route>> registrations = new ArrayList<>();
    private final Throttle perContact = new Throttle(BOOKINGS_PER_HOUR, Duration.ofHours(1), Clock.systemUTC());
    private final Throttle perCode = new Throttle(WRONG_PROOFS, Duration.ofMinutes(15), Clock.systemUTC());

    @FunctionalInterface
    interface Handler {
        Reply handle(RouteRequest r) throws Exception;
    }

    @Activate
    public BookingRoutes(BundleContext context, @Reference BookingService bookings, @Reference QueueService queues) {
        this.bookings = bookings;
        this.queues = queues;
        add(context, RouteSpec.builder("GET", "/branches/{branch}/booking/services").roles(PUBLIC).responseList(Views.ServiceView.class)
                .answer(404, "No such branch, or it takes no bookings").summary("The services that can be booked in a branch").build(),
                r -> {
                    List<BookableService> services = bookings.services(r.path("branch"));
                    if (services.isEmpty()) throw new ApiProblem(404, "Not found", Messages.text(r.locale(), "branch.notFound", r.path("branch")));
                    return Reply.ok(services.stream().map(Views.ServiceView::of).toList());
                });
        add(context, RouteSpec.builder("GET", "/branches/{branch}/booking/days").roles(PUBLIC).responseType(Views.DaysView.class)
                .answer(400, "A parameter is missing or wrong").answer(404, "No such branch or bookable service")
                .summary("How much can be booked on each day from a date (query: service, from, days)").build(), this::days);
        add(context, RouteSpec.builder("GET", "/branches/{branch}/slots").roles(PUBLIC).responseType(Views.SlotsView.class)
                .answer(400, "A parameter is missing or wrong").answer(404, "No such branch or bookable service")
                .summary("The slots of a service on a day, each with its capacity and what is free (query: service, date)").build(), this::slots);
        add(context, RouteSpec.builder("GET", "/branches/{branch}/slots/first").roles(PUBLIC).responseType(Views.SlotView.class)
                .answer(404, "No free slot in the booking window, or no such service")
                .summary("The first slot of a service with a free place (query: service, optional from)").build(), this::first);
        add(context, RouteSpec.builder("POST", "/branches/{branch}/bookings").roles(PUBLIC).requestType(Views.BookingBody.class)
                .responseType(Views.BookingView.class).status(201).answer(400, "The request is wrong: contact, time, service")
                .answer(409, "The slot is full, or the contact holds as many bookings as allowed")
                .answer(429, "Too many bookings tried for one contact").summary("Books a slot; the answer has the booking's code").build(),
                this::book);
        add(context, RouteSpec.builder("GET", "/bookings/{code}").roles(PUBLIC).responseType(Views.BookingView.class)
                .answer(404, "No booking with that code and contact").answer(429, "Too many wrong contacts for the code")
                .summary("A customer's booking by its code, with its phone number or e-mail address as proof (query: contact)").build(),
                r -> Reply.ok(view(proven(r), false)));
        add(context, RouteSpec.builder("DELETE", "/bookings/{code}").roles(PUBLIC).responseType(Views.BookingView.class)
                .answer(404, "No booking with that code and contact").answer(409, "The booking is not active")
                .summary("Cancels a booking by its code, with its contact as proof (query: contact)").build(),
                r -> Reply.ok(view(bookings.cancel(proven(r).code(), contact(r)), false)));
        add(context, RouteSpec.builder("POST", "/bookings/{code}/reschedule").roles(PUBLIC).requestType(Views.RescheduleBody.class)
                .responseType(Views.BookingView.class).answer(404, "No booking with that code and contact")
                .answer(409, "The new slot is full, or the booking is not active")
                .summary("Moves a booking to another slot of its service, with its contact as proof (query: contact)").build(), this::reschedule);
        add(context, RouteSpec.builder("GET", "/bookings/{code}/qr.png").roles(PUBLIC).produces("image/png")
                .answer(404, "No booking with that code and contact")
                .summary("The booking's code as a QR code, for the kiosk's scanner (query: contact)").build(), this::qr);
        add(context, RouteSpec.builder("POST", "/branches/{branch}/bookings/{code}/checkin").roles(CHECKERS)
                .responseType(Views.CheckInView.class).status(201).answer(404, "No booking with that code in the branch")
                .answer(409, "Too early, too late, or the booking is not active: the message says what to do")
                .summary("Checks a booked customer in: a ticket with appointment priority, called at the booked time").build(), this::checkIn);
        add(context, RouteSpec.builder("GET", "/branches/{branch}/schedule").roles(STAFF).responseType(Views.ScheduleView.class)
                .answer(400, "The date is wrong").summary("A day's opening hours, staff and counters with their bookings (query: date)").build(),
                this::schedule);
        add(context, RouteSpec.builder("GET", "/branches/{branch}/bookings").roles(STAFF).responseList(Views.BookingView.class)
                .answer(400, "The date is wrong").summary("The bookings of a day (query: date)").build(),
                r -> Reply.ok(bookings.bookings(r.path("branch"), date(r, "date")).stream().map(b -> view(b, true)).toList()));
        add(context, RouteSpec.builder("POST", "/branches/{branch}/bookings/{id}/move").roles(Role.MANAGER).requestType(Views.MoveBody.class)
                .responseType(Views.BookingView.class).answer(404, "No such booking or resource")
                .answer(409, "The staff member or counter is busy then, does not work then or does not serve the service")
                .summary("Moves a booking to another staff member or counter").build(), this::move);
        add(context, RouteSpec.builder("DELETE", "/branches/{branch}/bookings/{id}").roles(STAFF).responseType(Views.BookingView.class)
                .answer(404, "No such booking").answer(409, "The booking is not active").summary("Cancels a booking (staff)").build(),
                r -> Reply.ok(view(bookings.cancel(r.path("branch"), r.path("id"), r.user()), true)));
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<Route> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException ignored) {
                // gone with the bundle already
            }
        }
    }

    private Reply days(RouteRequest r) {
        String branch = r.path("branch");
        String service = required(r, "service");
        LocalDate from = r.query("from").isPresent() ? date(r, "from") : LocalDate.now(zone(branch));
        int days = r.query("days").map(d -> number(r, "days", d)).orElse(14);
        return Reply.ok(new Views.DaysView(service, zone(branch).getId(),
                bookings.days(branch, service, from, days).stream().map(Views.DayView::of).toList()));
    }

    private Reply slots(RouteRequest r) {
        String branch = r.path("branch");
        String service = required(r, "service");
        LocalDate date = date(r, "date");
        return Reply.ok(new Views.SlotsView(service, date.toString(), zone(branch).getId(),
                bookings.slots(branch, service, date).stream().map(Views.SlotView::of).toList()));
    }

    private Reply first(RouteRequest r) {
        String branch = r.path("branch");
        String service = required(r, "service");
        Instant from = r.query("from").map(f -> instant(r, "from", f)).orElse(null);
        return bookings.firstAvailable(branch, service, from).map(s -> Reply.ok(Views.SlotView.of(s)))
                .orElseThrow(() -> new ApiProblem(404, "Not found", Messages.text(r.locale(), "slot.noneFree", service)));
    }

    private Reply book(RouteRequest r) {
        String branch = r.path("branch");
        Views.BookingBody body = r.hasBody() ? r.body(Views.BookingBody.class) : null;
        if (body == null) throw new ApiProblem(400, "Bad request", Messages.text(r.locale(), "body.none"));
        Views.ContactBody c = body.contact() == null ? new Views.ContactBody(null, null, null) : body.contact();
        boolean staff = !r.roles().isEmpty() && !r.roles().equals(Set.of(Role.PUBLIC));
        if (!staff) {
            for (String key : new String[] {c.phone(), c.email()}) {
                if (key == null || key.isBlank()) continue;
                String k;
                try {
                    k = ContactAddress.parse(key).value();
                } catch (IllegalArgumentException e) {
                    continue; // the engine refuses it with its message
                }
                if (!perContact.attempt(k)) throw new ApiProblem(429, "Too many requests", Messages.text(r.locale(), "throttle.contact"));
            }
        }
        Booking b = bookings.book(BookingRequest.builder().branch(branch).service(body.service())
                .start(body.start() == null ? null : instant(r, "start", body.start())).name(c.name()).phone(c.phone()).email(c.email())
                .language(body.language() != null ? body.language() : r.locale().getLanguage())
                .channel(staff ? (r.roles().contains(Role.KIOSK) ? Channel.KIOSK : Channel.PHONE) : Channel.WEB)
                .bookedBy(staff ? r.user() : null).build());
        return Reply.created(view(b, false));
    }

    private Reply reschedule(RouteRequest r) {
        Booking b = proven(r);
        Views.RescheduleBody body = r.hasBody() ? r.body(Views.RescheduleBody.class) : null;
        if (body == null || body.start() == null) throw new ApiProblem(400, "Bad request", Messages.text(r.locale(), "start.none"));
        return Reply.ok(view(bookings.reschedule(b.code(), contact(r), instant(r, "start", body.start())), false));
    }

    private Reply qr(RouteRequest r) throws WriterException, IOException {
        Booking b = proven(r);
        BitMatrix m = new QRCodeWriter().encode(b.code(), BarcodeFormat.QR_CODE, 240, 240,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(m.getWidth(), m.getHeight(), java.awt.image.BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) img.setRGB(x, y, m.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", png);
        return Reply.bytes("image/png", png.toByteArray()).withHeader("Cache-Control", "no-store");
    }

    private Reply checkIn(RouteRequest r) {
        boolean kiosk = r.roles().contains(Role.KIOSK);
        try {
            CheckIn c = bookings.checkIn(r.path("branch"), r.path("code"), kiosk ? Channel.KIOSK : Channel.RECEPTION, r.user());
            return Reply.created(new Views.CheckInView(view(c.booking(), true), Views.TicketView.of(c.ticket())));
        } catch (QueueException e) {
            int status = e.reason() == QueueException.Reason.NOT_FOUND ? 404 : e.reason() == QueueException.Reason.INVALID ? 400 : 409;
            throw new ApiProblem(status, "Refused", e.getMessage());
        }
    }

    private Reply schedule(RouteRequest r) {
        String branch = r.path("branch");
        LocalDate date = r.query("date").isPresent() ? date(r, "date") : LocalDate.now(zone(branch));
        // a counter is named as the hall names it, in each language
        Map<String, Map<String, String>> counterNames = new java.util.HashMap<>();
        for (org.talon.queue.api.Counter c : queues.counters(branch)) counterNames.put(c.id(), new java.util.TreeMap<>(c.names()));
        return Reply.ok(Views.ScheduleView.of(bookings.schedule(branch, date), b -> view(b, true),
                res -> res.kind() == Resource.Kind.COUNTER && res.counter() != null ? counterNames.getOrDefault(res.counter(), Map.of()) : Map.of()));
    }

    private Reply move(RouteRequest r) {
        Views.MoveBody body = r.hasBody() ? r.body(Views.MoveBody.class) : null;
        if (body == null || body.resource() == null) throw new ApiProblem(400, "Bad request", Messages.text(r.locale(), "resource.none"));
        return Reply.ok(view(bookings.move(r.path("branch"), r.path("id"), body.resource(), r.user()), true));
    }

    /** The booking of the path's code when the query's contact proves it; a wrong contact counts against the code. */
    private Booking proven(RouteRequest r) {
        String code = r.path("code").strip().toUpperCase(Locale.ROOT);
        if (!perCode.allows(code)) throw new ApiProblem(429, "Too many requests", Messages.text(r.locale(), "throttle.code"));
        ContactAddress contact = contact(r);
        Optional<Booking> b = bookings.find(code, contact);
        if (b.isEmpty()) {
            perCode.attempt(code);
            throw new ApiProblem(404, "Not found", Messages.text(r.locale(), "booking.notFound"));
        }
        return b.get();
    }

    private static ContactAddress contact(RouteRequest r) {
        String c = r.query("contact").orElse(null);
        if (c == null || c.isBlank()) throw new ApiProblem(400, "Bad request", Messages.text(r.locale(), "contact.proof"));
        try {
            return ContactAddress.parse(c);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(400, "Bad request", Messages.text(r.locale(), "contact.proof"));
        }
    }

    private Views.BookingView view(Booking b, boolean masked) {
        String serviceName = b.service();
        for (BookableService s : bookings.services(b.branch())) {
            if (s.code().equals(b.service())) serviceName = s.name(b.language());
        }
        String resourceName = null;
        for (Resource x : bookings.resources(b.branch())) {
            if (x.id().equals(b.resource())) resourceName = x.name();
        }
        return Views.BookingView.of(b, serviceName, resourceName, masked);
    }

    private ZoneId zone(String branch) {
        try {
            return queues.branch(branch).zone();
        } catch (QueueException e) {
            throw new ApiProblem(404, "Not found", e.getMessage());
        }
    }

    private static String required(RouteRequest r, String name) {
        return r.query(name).filter(v -> !v.isBlank())
                .orElseThrow(() -> new ApiProblem(400, "Bad request", Messages.text(r.locale(), "query.missing", name)));
    }

    private static LocalDate date(RouteRequest r, String name) {
        String v = required(r, name);
        try {
            return LocalDate.parse(v);
        } catch (DateTimeException e) {
            throw new ApiProblem(400, "Bad request", Messages.text(r.locale(), "query.date", name, v));
        }
    }

    private static int number(RouteRequest r, String name, String v) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new ApiProblem(400, "Bad request", Messages.text(r.locale(), "query.number", name, v));
        }
    }

    private static Instant instant(RouteRequest r, String name, String v) {
        try {
            return OffsetDateTime.parse(v.strip()).toInstant();
        } catch (DateTimeException e) {
            try {
                return Instant.parse(v.strip());
            } catch (DateTimeException e2) {
                throw new ApiProblem(400, "Bad request", Messages.text(r.locale(), "query.time", name, v));
            }
        }
    }

    private void add(BundleContext context, RouteSpec spec, Handler handler) {
        Route route = new Route() {
            @Override
            public RouteSpec spec() {
                return spec;
            }

            @Override
            public Reply handle(RouteRequest request) throws Exception {
                try {
                    return handler.handle(request);
                } catch (BookingException e) {
                    throw problem(e, request.locale());
                }
            }
        };
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(Route.DOMAIN, "booking");
        registrations.add(context.registerService(Route.class, route, props));
    }

    static ApiProblem problem(BookingException e, Locale locale) {
        String detail = Messages.localized(e, locale);
        return switch (e.reason()) {
            case NOT_FOUND -> new ApiProblem(404, "Not found", detail);
            case INVALID, NOT_A_SLOT, OUTSIDE_WINDOW -> new ApiProblem(400, "Bad request", detail);
            case SLOT_FULL -> new ApiProblem(409, "Slot full", detail);
            case LIMIT_REACHED -> new ApiProblem(409, "Limit reached", detail);
            case TOO_EARLY -> new ApiProblem(409, "Too early", detail);
            case TOO_LATE -> new ApiProblem(409, "Too late", detail);
            case NOT_ACTIVE, RESOURCE_BUSY -> new ApiProblem(409, "Conflict", detail);
            case TOO_MANY_ATTEMPTS -> new ApiProblem(429, "Too many requests", detail);
            case UNAVAILABLE -> new ApiProblem(503, "Unavailable", detail);
        };
    }
}
