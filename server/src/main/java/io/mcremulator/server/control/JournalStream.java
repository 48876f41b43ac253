package io.mcremulator.server.control;

import io.javalin.http.sse.SseClient;
import io.mcremulator.server.http.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code GET /_emulator/requests/stream}: server-sent events for whoever watches the emulator live (the web
 * console). Events: {@code request} (a journal entry as {@code /_emulator/requests} lists it, without its bodies)
 * and {@code control} (a successful state-changing control call: reset, seed, import, restore, clock, faults,
 * clearing the journal; data {@code {"operationId":..}}). One daemon thread writes to the clients, so a
 * slow watcher never holds up the request it reports; with no watcher, publishing costs a map lookup.
 */
final class JournalStream {
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mcr-emulator-journal-stream");
        t.setDaemon(true);
        return t;
    });

    /**
     * Keeps {@code client} open, sends it the last {@code backlog} entries of {@code journal}, then every event. An
     * entry recorded while it joins may come twice (same {@code id}, the entry's {@code seq}): watchers keep entries
     * by {@code seq}.
     */
    void join(SseClient client, RequestJournal journal, int backlog) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        writer.execute(() -> {
            client.sendComment("mcr-emulator journal stream");
            for (JournalEntry e : journal.last(backlog)) send(client, "request", json(summary(e)), e.seq());
        });
    }

    void request(JournalEntry e) {
        if (clients.isEmpty()) return;
        String json = json(summary(e));
        writer.execute(() -> {
            for (SseClient c : clients) send(c, "request", json, e.seq());
        });
    }

    void control(String operationId) {
        publish("control", Map.of("operationId", operationId));
    }

    private void publish(String event, Object data) {
        if (clients.isEmpty()) return;
        String json = json(data);
        writer.execute(() -> {
            for (SseClient c : clients) send(c, event, json, -1);
        });
    }

    private void send(SseClient c, String event, String json, long id) {
        if (c.terminated()) {
            clients.remove(c);
            return;
        }
        try {
            if (id >= 0) c.sendEvent(event, json, Long.toString(id));
            else c.sendEvent(event, json);
        } catch (RuntimeException ex) {
            clients.remove(c); // the watcher went away
        }
    }

    private static Map<String, Object> summary(JournalEntry e) {
        Map<String, Object> view = e.view();
        view.remove("requestBody");
        view.remove("responseBody");
        return view;
    }

    private static String json(Object data) {
        return new String(Json.write(data), StandardCharsets.UTF_8);
    }
}
