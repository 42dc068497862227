package io.usher.payment.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Only while the built-in test gateway runs: {@code usher.payment.test-gateway.enabled}, or by default when
 * it is the checkout gateway. It accepts payments with test cards, so a production setup with Stripe leaves it
 * off.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Conditional(ConditionalOnTestGateway.OnTestGateway.class)
public @interface ConditionalOnTestGateway {

    class OnTestGateway implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var environment = context.getEnvironment();
            var enabled = environment.getProperty("usher.payment.test-gateway.enabled", Boolean.class);
            return enabled != null ? enabled : "test".equals(environment.getProperty("usher.payment.gateway", "test"));
        }
    }
}
