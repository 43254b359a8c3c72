package org.talon.driver.rs485board.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One addressed RS-485 LED board (a factory configuration per board, several boards to a line). */
@ObjectClassDefinition(name = "Talon RS-485 LED board", description = "An addressed LED board on an RS-485 line taking frames "
        + "0x01, address, text, 0x07, as QSystem installations drive them: a counter's board, or one row of a hall board.")
@interface Rs485BoardConfig {

    @AttributeDefinition(name = "Port", description = "Transport URI of the RS-485 line, e.g. serial:/dev/ttyUSB0?baud=9600&databits=8&parity=none&stopbits=2; "
            + "every board of the line has the same port")
    String port() default "serial:/dev/ttyUSB0?baud=9600&databits=8&parity=none&stopbits=2";

    @AttributeDefinition(name = "Branch", description = "The branch id")
    String branch();

    @AttributeDefinition(name = "Counter", description = "The counter id, for the board over a counter (it shows that counter's ticket)", required = false)
    String counter() default "";

    @AttributeDefinition(name = "Hall", description = "The place in the hall, for a row of a hall board (it shows one call: ticket and counter)", required = false)
    String hall() default "";

    @AttributeDefinition(name = "Address", description = "The board's address, 1 to 255, sent as one byte after 0x01", min = "1", max = "255")
    int address() default 32;

    @AttributeDefinition(name = "Row", description = "For a row of a hall board: which call it shows, 1 for the newest", min = "1")
    int row() default 1;

    @AttributeDefinition(name = "Pause", description = "Milliseconds the line is left alone after a frame, for the board to take it", min = "0", max = "5000")
    int pauseMillis() default 300;

    @AttributeDefinition(name = "Width", description = "How many characters the board shows", min = "1", max = "250")
    int width() default 4;

    @AttributeDefinition(name = "Code page", description = "The board's character set: cp1251 for Cyrillic boards, ascii to transliterate everything "
            + "(any one-byte Java charset, e.g. cp866, iso-8859-5)")
    String charset() default "cp1251";

    @AttributeDefinition(name = "Blink byte", description = "The board takes a blink byte after the address (the Belgorod boards): 125 makes the new call blink, 0 is steady")
    boolean blinkByte() default false;
}
