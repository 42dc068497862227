package io.usher.inventory.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.usher.common.EventId;
import io.usher.identity.AccessRules;
import io.usher.inventory.Availability;
import io.usher.inventory.Inventory;

@RestController
@Tag(name = "Availability", description = "What is left of an event, per ticket type and seat; public")
class AvailabilityApi {

    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    private final Inventory inventory;
    private final Map<UUID, CopyOnWriteArrayList<Subscriber>> subscribers = new ConcurrentHashMap<>();

    AvailabilityApi(Inventory inventory) {
        this.inventory = inventory;
    }

    @GetMapping("/api/v1/events/{id}/availability")
    @SecurityRequirements
    @Operation(summary = "Availability per ticket type (and per seat for seated types); at most 1 s stale")
    ResponseEntity<Availability> availability(@PathVariable UUID id) {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofSeconds(1)).cachePublic())
                .body(inventory.availability(new EventId(id)));
    }

    @GetMapping(path = "/api/v1/events/{id}/availability/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @SecurityRequirements
    @Operation(summary = "Server-sent events: an 'availability' event now and whenever it changes")
    SseEmitter stream(@PathVariable UUID id) throws IOException {
        var emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        var availability = inventory.availability(new EventId(id));
        var subscriber = new Subscriber(emitter, new String[] {signature(availability)});
        var list = subscribers.computeIfAbsent(id, key -> new CopyOnWriteArrayList<>());
        list.add(subscriber);
        Runnable remove = () -> list.remove(subscriber);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(error -> remove.run());
        emitter.send(SseEmitter.event().name("availability").data(availability, MediaType.APPLICATION_JSON));
        return emitter;
    }

    /** Once a second, each watched event whose availability changed is pushed to its watchers. */
    @Scheduled(fixedDelay = 1000)
    void push() {
        subscribers.forEach((event, list) -> {
            if (list.isEmpty()) {
                subscribers.remove(event, list);
                return;
            }
            var availability = inventory.availability(new EventId(event));
            var signature = signature(availability);
            for (var subscriber : list) {
                if (!signature.equals(subscriber.lastSent()[0])) {
                    try {
                        subscriber.emitter().send(SseEmitter.event().name("availability")
                                .data(availability, MediaType.APPLICATION_JSON));
                        subscriber.lastSent()[0] = signature;
                    } catch (IOException | IllegalStateException gone) {
                        list.remove(subscriber);
                    }
                }
            }
        });
    }

    /**
     * Ends every stream when the application starts shutting down: an open stream is an in-flight request,
     * and graceful shutdown would otherwise wait its whole timeout for it. Clients reconnect (to another
     * instance) on their own.
     */
    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        subscribers.values().forEach(list -> list.forEach(subscriber -> subscriber.emitter().complete()));
        subscribers.clear();
    }

    private static String signature(Availability availability) {
        var text = new StringBuilder();
        availability.ticketTypes().forEach(type -> {
            text.append(type.id()).append(':').append(type.available()).append(';');
            type.seats().forEach(seat -> text.append(seat.state().ordinal()));
        });
        return text.toString();
    }

    private record Subscriber(SseEmitter emitter, String[] lastSent) {
    }

    /** Availability is public: the storefront shows it before anyone signs in. */
    @Component
    static class PublicAvailability implements AccessRules {

        @Override
        public void apply(org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer<
                org.springframework.security.config.annotation.web.builders.HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
            routes.requestMatchers(HttpMethod.GET, "/api/v1/events/*/availability", "/api/v1/events/*/availability/stream")
                    .permitAll();
        }
    }
}
