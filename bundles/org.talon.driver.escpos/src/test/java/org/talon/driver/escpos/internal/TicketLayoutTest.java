package org.talon.driver.escpos.internal;

import org.talon.device.tck.GoldenBytes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.talon.device.api.PrintedTicket;

class TicketLayoutTest {

    private static TicketLayout layout(Model model, Cut cut) {
        return new TicketLayout(model, cut, 3, 6, 0, CodeTables.of(""));
    }

    private static TicketLayout tmT20() {
        return layout(Model.TM_T20, Cut.PARTIAL);
    }

    private static void assertBytes(byte[] expected, byte[] actual) {
        assertEquals(GoldenBytes.format(expected), GoldenBytes.format(actual));
        assertArrayEquals(expected, actual);
    }

    @Test
    void englishTicketIsTheGoldenBytes() {
        assertBytes(GoldenBytes.read(TicketLayoutTest.class, "ticket-en.hex"), tmT20().bytes(Tickets.english()));
    }

    @Test
    void russianTicketIsCyrillicInPc866WithOneTableSwitch() {
        assertBytes(GoldenBytes.read(TicketLayoutTest.class, "ticket-ru.hex"), tmT20().bytes(Tickets.russian()));
    }

    @Test
    void polishTicketIsInPc852AndTheMiddleDotItLacksIsADash() {
        assertBytes(GoldenBytes.read(TicketLayoutTest.class, "ticket-pl.hex"), tmT20().bytes(Tickets.polish()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"TM_T20, PARTIAL, epson", "TM_T20, FULL, epson", "TM_T20, NONE, epson", "TM_T88, PARTIAL, epson",
            "TM_T88, FULL, epson", "TM_T88, NONE, epson", "GENERIC, PARTIAL, generic", "GENERIC, FULL, generic",
            "GENERIC, NONE, generic"})
    void eachCutSettingEndsTheTicketWithItsCommand(Model model, Cut cut, String family) {
        byte[] tail = GoldenBytes.read(TicketLayoutTest.class, "cut-" + family + "-" + cut.id + ".hex");
        byte[] ticket = layout(model, cut).bytes(Tickets.english());
        byte[] golden = GoldenBytes.read(TicketLayoutTest.class, "ticket-en.hex");
        byte[] goldenTail = GoldenBytes.read(TicketLayoutTest.class, "cut-epson-partial.hex");
        // all but the tail is the English ticket (whose width fits 42 and 48 columns alike)
        assertBytes(Arrays.copyOf(golden, golden.length - goldenTail.length), Arrays.copyOf(ticket, ticket.length - tail.length));
        assertBytes(tail, Arrays.copyOfRange(ticket, ticket.length - tail.length, ticket.length));
    }

    @Test
    void missingFieldsAreLeftOutWithTheirLines() {
        byte[] bytes = tmT20().bytes(PrintedTicket.builder().number("B7").heading("  ").build());
        assertBytes(GoldenBytes.parse("1B 40 1B 61 01  1D 21 33 \"B7\" 0A 1D 21 00  0A 0A 0A 1D 56 42 00"), bytes);
    }

    @Test
    void theNumberIsAsLargeAsFitsAndAtMostFourTimes() {
        TicketLayout narrow = new TicketLayout(Model.GENERIC, Cut.PARTIAL, 3, 6, 32, CodeTables.of(""));
        assertEquals(4, narrow.numberSize("A001"));
        assertEquals(4, narrow.numberSize("A0010001"));
        assertEquals(3, narrow.numberSize("A00100012"));
        assertEquals(2, narrow.numberSize("VIP-2026-0001"));
        assertEquals(1, narrow.numberSize("A-VERY-LONG-TICKET-NUMBER-OF-40-CHARS-X"));
        byte[] bytes = narrow.bytes(PrintedTicket.builder().number("VIP-2026-0001").build());
        assertTrue(GoldenBytes.format(bytes).contains("1D 21 11"), "GS ! 0x11 (2 x 2) in " + GoldenBytes.format(bytes));
    }

    @Test
    void longTextsAreWrappedBetweenWordsToTheColumns() {
        assertEquals(List.of("Department of", "Motor", "Vehicles,", "Registration", "Office"),
                TicketLayout.wrap("Department of Motor Vehicles, Registration Office", 13));
        assertEquals(List.of("abcdefghij", "klm x"), TicketLayout.wrap("abcdefghijklm x", 10));
        TicketLayout narrow = new TicketLayout(Model.GENERIC, Cut.NONE, 0, 6, 32, CodeTables.of(""));
        EscPosEmulator printer = new EscPosEmulator();
        printer.accept(narrow.bytes(PrintedTicket.builder().number("A1")
                .serviceName("Vehicle registration and driving licences for residents").build()));
        assertEquals(List.of("Vehicle registration and driving", "licences for residents", "", "A1"), printer.paper());
        assertEquals(List.of(), printer.errors());
    }

    @Test
    void aUrlTooLongForTheQrCodeIsLeftOutWithItsCaption() {
        String url = "https://talon.example.org/t/" + "x".repeat(TicketLayout.MAX_QR_DATA);
        byte[] bytes = tmT20().bytes(PrintedTicket.builder().number("A1").url(url).urlCaption("Scan").build());
        EscPosEmulator printer = new EscPosEmulator();
        printer.accept(bytes);
        assertEquals(List.of("A1", "[partial cut after feeding to the cutter]"), printer.paper().stream().filter(l -> !l.isEmpty()).toList());
        assertFalse(GoldenBytes.format(bytes).contains("1D 28 6B"));
    }

    @Test
    void controlCharactersInATextCannotBecomeCommands() {
        byte[] bytes = tmT20().bytes(PrintedTicket.builder().number("A1").serviceName("Cash\u001b@\u0010\u0004\u0001\ndesk")
                .url("https://x.example/\u001dV\u0000").build());
        EscPosEmulator printer = new EscPosEmulator();
        printer.accept(bytes);
        assertEquals(0, printer.statusQueries());
        assertEquals(List.of(), printer.errors());
        assertTrue(printer.paper().contains("Cash @ desk"), printer.paper().toString());
        assertEquals(List.of("https://x.example/ V"), printer.qrCodes());
    }

    @Test
    void aPrinterWithOtherTableNumbersGetsThemFromTheCodePagesSetting() {
        TicketLayout clone = new TicketLayout(Model.GENERIC, Cut.PARTIAL, 3, 6, 0, CodeTables.of("cyrillic:7, polish=18"));
        byte[] bytes = clone.bytes(Tickets.russian());
        assertTrue(GoldenBytes.format(bytes).replace('\n', ' ').startsWith("1B 40 1B 61 01 1B 45 01 1B 74 07 96"), GoldenBytes.format(bytes));
        EscPosEmulator printer = new EscPosEmulator(java.util.Map.of(0, "IBM437", 7, "IBM866", 18, "IBM852"));
        printer.accept(bytes);
        assertEquals("Центральное отделение", printer.paper().get(0));
        assertEquals(List.of(), printer.errors());
    }

    @Test
    void theEmulatorReadsEachGoldenTicketAsItWasMeant() {
        for (PrintedTicket t : List.of(Tickets.english(), Tickets.russian(), Tickets.polish())) {
            EscPosEmulator printer = new EscPosEmulator();
            assertEquals(0, printer.accept(tmT20().bytes(t)).length);
            assertEquals(List.of(), printer.errors());
            String wait = t.locale().getLanguage().equals("pl") ? t.waitText().replace("·", "-") : t.waitText();
            assertEquals(List.of(t.branchName(), t.serviceName(), "", t.heading(), t.number(), wait, t.issuedText(), "",
                    "[QR " + Tickets.URL + "]", t.urlCaption(), "", "", "", "[partial cut after feeding to the cutter]"), printer.paper());
            EscPosEmulator.Line branch = printer.lines().get(0);
            assertTrue(branch.bold() && branch.justification() == 1, branch.toString());
            EscPosEmulator.Line number = printer.lines().get(4);
            assertEquals(List.of(4, 4, false), List.of(number.width(), number.height(), number.bold()));
            assertEquals(1, printer.lines().get(5).width());
            assertEquals(List.of(50, 6, 49), List.of(printer.qrModel(), printer.qrModuleSize(), printer.qrErrorCorrection()));
        }
    }
}
