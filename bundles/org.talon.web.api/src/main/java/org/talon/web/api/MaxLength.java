package org.talon.web.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The most characters a text field of a request body may have (on a component of a route's
 * request record; on a {@code List<String>}, each element's limit). The web bundle refuses a
 * longer value with a 400 that names the field and the limit before the route runs, and the
 * OpenAPI document states it as {@code maxLength}. Every text field of a request body should
 * carry one: it is the width of the column the value ends up in.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface MaxLength {
    int value();
}
