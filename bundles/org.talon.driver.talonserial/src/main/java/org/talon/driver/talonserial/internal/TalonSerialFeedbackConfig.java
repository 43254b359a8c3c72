package org.talon.driver.talonserial.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One home-built feedback terminal speaking the Talon serial protocol. */
@ObjectClassDefinition(name = "Talon serial feedback terminal",
        description = "A customer feedback terminal with rating buttons built on a microcontroller (Arduino, ESP32, RP2040) that speaks the Talon serial protocol.")
@interface TalonSerialFeedbackConfig {

    @AttributeDefinition(name = "Port",
            description = "Transport URI, e.g. serial:/dev/ttyACM0?baud=115200&parity=none or tcp://10.0.0.7:2323; a serial port without baud gets 115200.")
    String port() default "serial:/dev/ttyACM0?baud=115200&parity=none";

    @AttributeDefinition(name = "Branch", description = "The branch id.")
    String branch();

    @AttributeDefinition(name = "Counter", description = "The counter id the terminal stands at.")
    String counter();

    @AttributeDefinition(name = "Ping interval (s)",
            description = "Seconds between PINGs; the device answers each with PONG within 1 s (at least 1).", min = "1")
    int pingSeconds() default 5;

    @AttributeDefinition(name = "Rating scale",
            description = "The highest rating, i.e. the number of rating buttons; the device sends RATE <n>/<scale> with this scale.",
            min = "2", max = "10")
    int scale() default 5;
}
