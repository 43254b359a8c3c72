package org.talon.driver.modbusled.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** One Modbus-RTU LED display (a factory configuration per display). */
@ObjectClassDefinition(name = "Talon Modbus LED display", description = "A 7-segment LED display that is a Modbus-RTU slave: "
        + "Talon writes the ticket number into its holding registers.")
@interface ModbusLedConfig {

    @AttributeDefinition(name = "Port", description = "Transport URI, e.g. serial:/dev/ttyUSB0?baud=9600&databits=8&parity=none&stopbits=1 "
            + "or tcp://10.0.0.8:4001 for an RS-485 serial server in transparent (RTU) mode")
    String port() default "serial:/dev/ttyUSB0?baud=9600&databits=8&parity=none&stopbits=1";

    @AttributeDefinition(name = "Branch", description = "The branch id")
    String branch();

    @AttributeDefinition(name = "Counter", description = "The counter id, for a display at a counter", required = false)
    String counter() default "";

    @AttributeDefinition(name = "Hall", description = "The place in the hall, for a display that shows the newest call of the branch", required = false)
    String hall() default "";

    @AttributeDefinition(name = "Unit id", description = "The display's slave address, 1 to 247", min = "1", max = "247")
    int unitId() default 1;

    @AttributeDefinition(name = "First register", description = "The holding register of the leftmost place (protocol address, from 0)",
            min = "0", max = "65535")
    int register() default 0;

    @AttributeDefinition(name = "Digits", description = "How many places the display has", min = "1", max = "16")
    int digits() default 4;

    @AttributeDefinition(name = "Register format", description = "What a register holds", options = {
            @Option(label = "ascii: one register a place, the character's ASCII code", value = "ascii"),
            @Option(label = "digits (bcd): one register a place, the digit 0-9 (blank for other places)", value = "digits"),
            @Option(label = "number: one register, the ticket's digits as a binary number", value = "number") })
    String format() default "ascii";

    @AttributeDefinition(name = "Blank value", description = "In the digits format, the value that leaves a place dark", min = "0", max = "65535")
    int blank() default 15;

    @AttributeDefinition(name = "Function", description = "16: write multiple registers in one frame; 6: write single register, a frame a register",
            options = { @Option(label = "16 (0x10) write multiple registers", value = "16"),
                    @Option(label = "6 (0x06) write single register", value = "6") })
    int function() default 16;

    @AttributeDefinition(name = "Answer timeout", description = "How long to wait for the display's answer, in ms; it is asked once more, "
            + "then the port is reopened", min = "50", max = "5000")
    int timeoutMillis() default 500;
}
