package org.talon.event.api.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ContactAddressTest {

    @Test
    void phoneNumbersWrittenDifferentlyAreOneAddress() {
        assertEquals(ContactAddress.parse("+48 600 100 200"), ContactAddress.parse("0048-600-100-200"));
        assertEquals(new ContactAddress("+48600100200", ContactAddress.Kind.PHONE), ContactAddress.parse(" (+48) 600.100.200 "));
        assertEquals("600100200", ContactAddress.parse("600 100 200").value());
    }

    @Test
    void eMailAddressesAreComparedInLowerCase() {
        ContactAddress a = ContactAddress.parse(" Anna.Nowak@Example.PL ");
        assertEquals(new ContactAddress("anna.nowak@example.pl", ContactAddress.Kind.EMAIL), a);
    }

    @Test
    void whatIsNeitherIsRefusedSayingWhatIsExpected() {
        assertEquals("not a phone number (6 to 15 digits, optionally after +): 12ab",
                assertThrows(IllegalArgumentException.class, () -> ContactAddress.parse("12ab")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ContactAddress.parse("anna@"));
        assertThrows(IllegalArgumentException.class, () -> ContactAddress.parse("anna@localhost"));
        assertThrows(IllegalArgumentException.class, () -> ContactAddress.parse("  "));
        assertThrows(IllegalArgumentException.class, () -> ContactAddress.parse("12345"));
    }

    @Test
    void maskedShowsTooLittleToReachThePerson() {
        assertEquals("+486••••••00", ContactAddress.parse("+48600100200").masked());
        assertEquals("a•••@example.pl", ContactAddress.parse("anna@example.pl").masked());
    }
}
