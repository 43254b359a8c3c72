package org.talon.example.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextsTest {
    @Test
    void everyTextIsInEnglishRussianAndPolish() {
        assertEquals(List.of(), PostNotice.TEXTS.problems());
    }
}
