package org.talon.driver.escpos.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * One ESC/POS ticket printer: where it is, how it is reached, and how its tickets are laid out. The optional
 * attributes have no default on purpose: DS would put a default on the service as a property, and a printer
 * with an empty {@code hall} beside its {@code kiosk} would be in two places.
 */
@ObjectClassDefinition(name = "Talon ESC/POS ticket printer",
        description = "An Epson TM-T20/TM-T88 or compatible ESC/POS printer at a kiosk or in the hall, over serial or raw TCP (port 9100)")
public @interface PrinterConfig {

    @AttributeDefinition(name = "Port", description = "Transport URI, e.g. serial:/dev/ttyUSB0?baud=9600&parity=none or tcp://10.0.0.21:9100")
    String port();

    @AttributeDefinition(name = "Branch", description = "The branch id")
    String branch();

    @AttributeDefinition(name = "Kiosk", required = false, description = "The device name of the kiosk the printer sits in, e.g. kiosk-1")
    String kiosk();

    @AttributeDefinition(name = "Hall", required = false, description = "For a shared printer: the place in the hall, e.g. entrance (instead of a kiosk)")
    String hall();

    @AttributeDefinition(name = "Fallback", required = false, description = "The id of the printer that prints when this one cannot")
    String fallback();

    @AttributeDefinition(name = "Label", required = false, description = "A name for people, e.g. Reception printer")
    String label();

    @AttributeDefinition(name = "Model", description = "Which command set to use for cutting and the default width", options = {
            @Option(label = "Epson TM-T20 (80 mm, 48 columns)", value = "tm-t20"),
            @Option(label = "Epson TM-T88 (80 mm, 42 columns)", value = "tm-t88"),
            @Option(label = "Generic ESC/POS (Xprinter, Bixolon, Citizen...; 48 columns)", value = "generic") })
    String model() default "tm-t20";

    @AttributeDefinition(name = "Cut", description = "How the ticket is cut off", options = {
            @Option(label = "Partial cut (one point left uncut)", value = "partial"),
            @Option(label = "Full cut", value = "full"),
            @Option(label = "No cut (tear-off)", value = "none") })
    String cut() default "partial";

    @AttributeDefinition(name = "Feed lines", description = "Blank lines fed after the last line, before the cut (0-20)", min = "0", max = "20")
    int feedLines() default 3;

    @AttributeDefinition(name = "QR module size", description = "Dots per QR code module (1-16)", min = "1", max = "16")
    int qrSize() default 6;

    @AttributeDefinition(name = "Columns", description = "Characters per line in font A: 48 (TM-T20, 80 mm), 42 (TM-T88, 80 mm),"
            + " 32 (58 mm paper); 0 takes the model's", min = "0", max = "80")
    int columns() default 0;

    @AttributeDefinition(name = "Status interval (s)", description = "How often the printer's status is queried when idle", min = "1")
    int statusIntervalSeconds() default 5;

    @AttributeDefinition(name = "Code pages", required = false, description = "ESC t table numbers, if the printer's differ from"
            + " Epson's: e.g. cyrillic:7,polish:18,latin:0 (Epson: PC866 = 17, PC852 = 18, PC437 = 0)")
    String codePages();
}
