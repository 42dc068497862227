package io.usher.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents an error an endpoint can answer with, as a problem detail in the OpenAPI description. Put it on
 * a method, or on a controller for errors all its endpoints share.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Repeatable(ApiProblems.class)
public @interface ApiProblem {

    int status();

    /** The stable codes this status carries here, e.g. {@code identity.email_taken}. */
    String[] codes();

    String description() default "";
}
