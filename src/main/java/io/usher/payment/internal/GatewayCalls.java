package io.usher.payment.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.usher.payment.GatewayRejected;
import io.usher.payment.GatewayUnavailable;

/**
 * Every call to a gateway goes through here: a time limit, a circuit breaker per gateway, and retries. The
 * breaker opens after {@code failure-threshold} (5) consecutive failures or slow calls, a call slower than the
 * timeout (5 s) counting as failed; while it is open calls fail at once with 503 and Retry-After. Only
 * idempotent calls exist: reads, and writes that carry the gateway's idempotency key, so a retry can never
 * charge or refund twice. A gateway's refusal ({@link GatewayRejection}) is an answer, not an outage: it is
 * neither retried nor counted against the breaker.
 */
@Component
public class GatewayCalls implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GatewayCalls.class);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(2);

    private final Map<String, PaymentGateway> gateways;
    private final CircuitBreakerRegistry breakers;
    private final RetryConfig retryConfig;
    private final TimeLimiter timeLimiter;
    private final Duration openDuration;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    GatewayCalls(List<PaymentGateway> adapters, PaymentProperties properties, ObjectProvider<MeterRegistry> meters) {
        this.gateways = adapters.stream().collect(Collectors.toUnmodifiableMap(PaymentGateway::name, g -> g));
        if (!gateways.containsKey(properties.gateway())) {
            throw new IllegalStateException("usher.payment.gateway is '" + properties.gateway()
                    + "' but that gateway is not configured" + ("stripe".equals(properties.gateway())
                            ? ": set USHER_STRIPE_SECRET_KEY and USHER_STRIPE_WEBHOOK_SECRET" : ""));
        }
        var resilience = properties.resilience();
        this.openDuration = resilience.openDuration();
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(resilience.failureThreshold())
                .minimumNumberOfCalls(resilience.failureThreshold())
                .failureRateThreshold(100)
                .slowCallRateThreshold(100)
                .slowCallDurationThreshold(resilience.slowCallThreshold())
                .waitDurationInOpenState(resilience.openDuration())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordExceptions(GatewayFailure.class, TimeoutException.class)
                .ignoreExceptions(GatewayRejection.class)
                .build());
        this.retryConfig = RetryConfig.custom()
                .maxAttempts(resilience.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(resilience.retryBackoff(), 2.0))
                .retryExceptions(GatewayFailure.class, TimeoutException.class)
                .ignoreExceptions(CallNotPermittedException.class, GatewayRejection.class)
                .build();
        this.timeLimiter = TimeLimiter.of(TimeLimiterConfig.custom().timeoutDuration(resilience.timeout())
                .cancelRunningFuture(true).build());
        gateways.keySet().forEach(this::breaker);
        meters.ifAvailable(registry -> TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry));
    }

    /** The adapter of a configured gateway. */
    public PaymentGateway gateway(String name) {
        var gateway = gateways.get(name);
        if (gateway == null) {
            throw new UnknownGateway(name);
        }
        return gateway;
    }

    /** The circuit breaker of a gateway (exposed for operations and tests). */
    public CircuitBreaker breaker(String gateway) {
        return breakers.circuitBreaker("payment-gateway-" + gateway);
    }

    /** Fails fast, before anything is written, while the gateway's circuit is open. */
    public void ensureAvailable(String gateway) {
        var state = breaker(gateway).getState();
        if (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN) {
            throw new GatewayUnavailable(gateway, openDuration);
        }
    }

    /**
     * Runs an idempotent gateway call under the breaker, the time limit and retries.
     *
     * @throws GatewayUnavailable the gateway failed every attempt, or its circuit is open
     * @throws GatewayRejected the gateway refused
     */
    public <T> T call(String gateway, String operation, Function<PaymentGateway, T> call) {
        var adapter = gateway(gateway);
        var breaker = breaker(gateway);
        var context = MDC.getCopyOfContextMap();
        Callable<T> timed = () -> timeLimiter.executeFutureSupplier(() -> executor.submit(() -> {
            if (context != null) {
                MDC.setContextMap(context);
            }
            try {
                return call.apply(adapter);
            } finally {
                MDC.clear();
            }
        }));
        var retry = Retry.of("payment-gateway-" + gateway + "-" + operation, retryConfig);
        try {
            return Retry.decorateCallable(retry, CircuitBreaker.decorateCallable(breaker, timed)).call();
        } catch (CallNotPermittedException open) {
            log.warn("Payment gateway {} circuit is open; {} refused", gateway, operation);
            throw new GatewayUnavailable(gateway, openDuration);
        } catch (GatewayFailure | TimeoutException failure) {
            log.warn("Payment gateway {} failed {} (retries exhausted or circuit opened): {}", gateway, operation,
                    failure.toString());
            ensureAvailable(gateway);
            throw new GatewayUnavailable(gateway, RETRY_AFTER_FAILURE);
        } catch (GatewayRejection rejection) {
            throw new GatewayRejected(gateway, rejection.getMessage());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("gateway call " + operation + " failed", e);
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
