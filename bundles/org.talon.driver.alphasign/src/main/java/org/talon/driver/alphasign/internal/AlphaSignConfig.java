package org.talon.driver.alphasign.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** One Alpha sign (a factory configuration per sign). */
@ObjectClassDefinition(name = "Talon Alpha sign", description = "An LED sign speaking the Alpha Sign Communications Protocol "
        + "(BetaBrite, Alpha 4200/7000 series) used as a hall board or a counter display.")
@interface AlphaSignConfig {

    @AttributeDefinition(name = "Port", description = "Transport URI, e.g. serial:/dev/ttyUSB0?baud=9600&databits=7&parity=even&stopbits=1 "
            + "or tcp://10.0.0.7:3001 for a sign behind a serial server")
    String port() default "serial:/dev/ttyUSB0?baud=9600&databits=7&parity=even&stopbits=1";

    @AttributeDefinition(name = "Branch", description = "The branch id")
    String branch();

    @AttributeDefinition(name = "Counter", description = "The counter id, for a sign at a counter (leave empty for a hall board)", required = false)
    String counter() default "";

    @AttributeDefinition(name = "Hall", description = "The place in the hall, for a hall board (leave empty for a counter display)", required = false)
    String hall() default "";

    @AttributeDefinition(name = "Sign address", description = "Two hex digits, 00 to FF; 00 reaches every sign on the line")
    String address() default "00";

    @AttributeDefinition(name = "Type code", description = "The sign type code; Z reaches every type")
    String typeCode() default "Z";

    @AttributeDefinition(name = "Lines", description = "How many calls fit, one a line, newest first", min = "1", max = "16")
    int lines() default 2;

    @AttributeDefinition(name = "File label", description = "The TEXT file written (A exists on most signs; 0 is the priority file)")
    String fileLabel() default "A";

    @AttributeDefinition(name = "Display mode", description = "How the text appears", options = {
            @Option(label = "Hold (stationary)", value = "hold"), @Option(label = "Rotate (scroll right to left)", value = "rotate"),
            @Option(label = "Flash", value = "flash"), @Option(label = "Roll up", value = "rollup"), @Option(label = "Roll down", value = "rolldown"),
            @Option(label = "Roll left", value = "rollleft"), @Option(label = "Roll right", value = "rollright"),
            @Option(label = "Wipe up", value = "wipeup"), @Option(label = "Wipe down", value = "wipedown"),
            @Option(label = "Wipe left", value = "wipeleft"), @Option(label = "Wipe right", value = "wiperight"),
            @Option(label = "Scroll (push bottom line up)", value = "scroll"), @Option(label = "Automode", value = "automode"),
            @Option(label = "Roll in", value = "rollin"), @Option(label = "Roll out", value = "rollout"), @Option(label = "Wipe in", value = "wipein"),
            @Option(label = "Wipe out", value = "wipeout"), @Option(label = "Compressed rotate", value = "compressedrotate") })
    String mode() default "hold";

    @AttributeDefinition(name = "Display position", description = "Where the text goes on a sign of several lines", options = {
            @Option(label = "Fill (all lines)", value = "fill"), @Option(label = "Middle line", value = "middle"),
            @Option(label = "Top line", value = "top"), @Option(label = "Bottom line", value = "bottom") })
    String position() default "fill";

    @AttributeDefinition(name = "Checksum", description = "Send ETX and the packet checksum (the sign drops a packet whose checksum is wrong)")
    boolean checksum() default true;

    @AttributeDefinition(name = "Flash the new call", description = "The call just made flashes (flash character on/off codes)")
    boolean alertFlash() default true;
}
