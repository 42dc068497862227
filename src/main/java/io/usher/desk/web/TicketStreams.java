package io.usher.desk.web;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.usher.desk.DeskNotFound;
import io.usher.desk.DeskTicketUpdated;
import io.usher.desk.internal.Tickets;
import io.usher.identity.CurrentUser;
import io.usher.identity.UserDirectory;

/**
 * A ticket page follows its ticket live: {@code GET /desk/tickets/{id}/stream} (Server-Sent Events) says when the
 * ticket changed ({@code change}) or got a comment ({@code comment}), and the page fetches what its reader may see.
 * Agents of the queue also hear of internal notes and of who is writing ({@code presence}, from the editor's
 * {@code POST …/typing} pings); requesters never do. Events go out after the change commits and carry no content.
 * Streams live on the instance that opened them: with several instances a change reaches the streams of the
 * instance that made it (a shared broker would fan out; see the design's "SSE fan-out").
 */
@Controller
class TicketStreams {

    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    private final Tickets tickets;
    private final TicketPageModel pages;
    private final Presence presence;
    private final UserDirectory people;
    private final Map<UUID, CopyOnWriteArrayList<Subscriber>> subscribers = new ConcurrentHashMap<>();

    TicketStreams(Tickets tickets, TicketPageModel pages, Presence presence, UserDirectory people) {
        this.tickets = tickets;
        this.pages = pages;
        this.presence = presence;
        this.people = people;
    }

    /** One open stream: whose it is, and whether they work the ticket's queue. */
    private record Subscriber(SseEmitter emitter, UUID userId, boolean agent) {
    }

    @GetMapping(path = "/desk/tickets/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> stream(@PathVariable UUID id) throws IOException {
        var caller = CurrentUser.require();
        boolean agent;
        try {
            agent = pages.agent(caller, tickets.get(caller, id));
        } catch (DeskNotFound notYours) {
            // answered here: the error page has no text/event-stream form, so the error view would turn 404 into 406
            return ResponseEntity.notFound().build();
        }
        var emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        var subscriber = new Subscriber(emitter, caller.id().value(), agent);
        var list = subscribers.computeIfAbsent(id, key -> new CopyOnWriteArrayList<>());
        list.add(subscriber);
        Runnable remove = () -> list.remove(subscriber);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(error -> remove.run());
        emitter.send(SseEmitter.event().name("ready").data("{}", MediaType.APPLICATION_JSON));
        if (agent) {
            for (var writer : presence.writing(id, caller.id().value())) {
                send(list, subscriber, presenceEvent(writer));
            }
        }
        return ResponseEntity.ok(emitter);
    }

    /** The reply editor says its agent is writing; only agents of the queue may (others get 404). */
    @PostMapping("/desk/tickets/{id}/typing")
    ResponseEntity<Void> typing(@PathVariable UUID id) {
        var caller = CurrentUser.require();
        if (!pages.agent(caller, tickets.get(caller, id))) {
            return ResponseEntity.notFound().build();
        }
        var name = people.find(caller.id()).map(UserDirectory.Profile::displayName).orElse(caller.email());
        var writer = presence.writing(id, caller.id().value(), name);
        var list = subscribers.get(id);
        if (list != null) {
            for (var subscriber : list) {
                if (subscriber.agent() && !subscriber.userId().equals(writer.userId())) {
                    send(list, subscriber, presenceEvent(writer));
                }
            }
        }
        return ResponseEntity.noContent().build();
    }

    /**
     * Announces a change once its transaction commits (a rolled-back change never happened). Not an outbox event: a
     * live update nobody received is not worth a retry, the page catches up when its stream reconnects.
     */
    @EventListener
    void on(DeskTicketUpdated event) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    broadcast(event);
                }
            });
        } else {
            broadcast(event);
        }
    }

    private void broadcast(DeskTicketUpdated event) {
        var list = subscribers.get(event.ticket().value());
        if (list == null || list.isEmpty()) {
            return;
        }
        var name = event.kind() == DeskTicketUpdated.Kind.COMMENT
                ? people.find(event.actor()).map(UserDirectory.Profile::displayName).orElse(null) : null;
        for (var subscriber : list) {
            if (event.internal() && !subscriber.agent()) {
                continue;
            }
            var data = new LinkedHashMap<String, Object>();
            data.put("internal", event.internal());
            data.put("byYou", event.actor().value().equals(subscriber.userId()));
            if (name != null && (subscriber.agent() || !event.internal())) {
                data.put("by", name);
            }
            send(list, subscriber, SseEmitter.event().name(event.kind().name().toLowerCase(Locale.ROOT))
                    .data(data, MediaType.APPLICATION_JSON));
        }
    }

    private static SseEmitter.SseEventBuilder presenceEvent(Presence.Writer writer) {
        return SseEmitter.event().name("presence").data(Map.of("userId", writer.userId().toString(), "name",
                writer.name(), "seconds", Presence.TTL.toSeconds()), MediaType.APPLICATION_JSON);
    }

    private static void send(CopyOnWriteArrayList<Subscriber> list, Subscriber subscriber,
            SseEmitter.SseEventBuilder event) {
        try {
            subscriber.emitter().send(event);
        } catch (IOException | IllegalStateException gone) {
            list.remove(subscriber);
        }
    }

    /** A comment line now and then finds streams whose browser has gone, and keeps proxies from timing out. */
    @Scheduled(fixedDelay = 25_000)
    void keepAlive() {
        subscribers.forEach((ticket, list) -> {
            if (list.isEmpty()) {
                subscribers.remove(ticket, list);
                return;
            }
            for (var subscriber : list) {
                send(list, subscriber, SseEmitter.event().comment("keep-alive"));
            }
        });
    }

    /** Ends every stream at shutdown, so graceful shutdown need not wait for them; browsers reconnect. */
    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        subscribers.values().forEach(list -> list.forEach(subscriber -> subscriber.emitter().complete()));
        subscribers.clear();
    }
}
