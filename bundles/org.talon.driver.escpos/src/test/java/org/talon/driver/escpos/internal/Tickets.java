package org.talon.driver.escpos.internal;

import java.util.Locale;
import org.talon.device.api.PrintedTicket;

/** The tickets of the golden files, in English, Russian and Polish. */
final class Tickets {
    static final String URL = "https://talon.example.org/t/7f3a";

    private Tickets() {
    }

    static PrintedTicket english() {
        return english("A001");
    }

    static PrintedTicket english(String number) {
        return PrintedTicket.builder().branchName("Central Branch").serviceName("Passports").heading("Your number").number(number)
                .waitText("3 ahead of you · about 5 min").issuedText("06.12.2026 14:05").url(URL)
                .urlCaption("Scan to follow your turn").locale(Locale.ENGLISH).build();
    }

    static PrintedTicket russian() {
        return PrintedTicket.builder().branchName("Центральное отделение").serviceName("Паспорта").heading("Ваш номер").number("П012")
                .waitText("Перед вами 3 · около 5 мин").issuedText("06.12.2026 14:05").url(URL)
                .urlCaption("Наведите камеру, чтобы следить за очередью").locale(Locale.forLanguageTag("ru")).build();
    }

    static PrintedTicket polish() {
        return PrintedTicket.builder().branchName("Oddział Centralny").serviceName("Paszporty").heading("Twój numer").number("A001")
                .waitText("Przed Tobą 3 osoby · ok. 5 min").issuedText("06.12.2026 14:05").url(URL)
                .urlCaption("Zeskanuj, aby śledzić kolejkę").locale(Locale.forLanguageTag("pl")).build();
    }
}
