package org.talon.event.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextsTest {
    @Test
    void everyTextOfThePersonalDataCommandsIsInEnglishRussianAndPolish() {
        assertEquals(List.of(), EraseContactCommand.TEXTS.problems());
    }
}
