package io.eventline.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record component that may be {@code null} on the wire: the one fact about a field that its Java
 * type cannot say, and that its JSON Schema must ({@code "type": ["string", "null"]}). Every other
 * component of an event is required and never null.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Nullable {
}
