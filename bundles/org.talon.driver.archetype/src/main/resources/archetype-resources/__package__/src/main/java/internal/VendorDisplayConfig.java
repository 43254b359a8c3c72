package ${package}.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One ${vendor} display: a factory configuration etc/${package}.display-<id>.cfg per physical display. */
@ObjectClassDefinition(name = "Talon: ${vendor} display", description = "A ${vendor} display over a counter or in the hall")
public @interface VendorDisplayConfig {
    @AttributeDefinition(description = "Transport URI, e.g. serial:/dev/ttyUSB0?baud=9600 or tcp://10.0.0.7:4001")
    String port() default "serial:/dev/ttyUSB0?baud=9600";

    @AttributeDefinition(description = "Branch id")
    String branch();

    @AttributeDefinition(description = "The counter it hangs over (a counter display)", required = false)
    String counter();

    @AttributeDefinition(description = "Or: the place in the hall (a hall board)", required = false)
    String hall();

    @AttributeDefinition(description = "How many calls fit (a hall board)")
    int lines() default 1;
}
