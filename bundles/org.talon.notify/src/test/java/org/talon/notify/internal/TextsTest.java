package org.talon.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextsTest {
    @Test
    void everyTextIsInEnglishRussianAndPolish() {
        assertEquals(List.of(), Texts.TEXTS.problems());
    }
}
