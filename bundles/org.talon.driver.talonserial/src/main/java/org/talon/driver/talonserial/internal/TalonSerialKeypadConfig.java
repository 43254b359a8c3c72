package org.talon.driver.talonserial.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One home-built keypad speaking the Talon serial protocol. */
@ObjectClassDefinition(name = "Talon serial keypad",
        description = "An operator's keypad built on a microcontroller (Arduino, ESP32, RP2040) that speaks the Talon serial protocol.")
@interface TalonSerialKeypadConfig {

    @AttributeDefinition(name = "Port",
            description = "Transport URI, e.g. serial:/dev/ttyACM0?baud=115200&parity=none or tcp://10.0.0.7:2323; a serial port without baud gets 115200.")
    String port() default "serial:/dev/ttyACM0?baud=115200&parity=none";

    @AttributeDefinition(name = "Branch", description = "The branch id.")
    String branch();

    @AttributeDefinition(name = "Counter", description = "The counter id the keypad belongs to.")
    String counter();

    @AttributeDefinition(name = "Ping interval (s)",
            description = "Seconds between PINGs; the device answers each with PONG within 1 s (at least 1).", min = "1")
    int pingSeconds() default 5;
}
