package io.mcremulator.server.persist;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcremulator.core.DurableState;
import io.mcremulator.core.seed.SeedDocument;
import io.mcremulator.server.control.SeedParser;
import io.mcremulator.server.control.SeedWriter;
import io.mcremulator.server.http.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The body of a state file: {@code {"format":1,"state":<export document>,"tag_times":[..],
 * "blob_links":[..]}}. The {@code state} member is exactly what {@code GET /_emulator/export?content=include}
 * writes (without blob bytes) and is read back by the same {@link SeedParser}: whatever the export carries is
 * saved, so new entities need no change here (see {@link DurableState}).
 */
final class DurableStateJson {
    static final int FORMAT = 1;

    private DurableStateJson() {}

    /**
     * The body. It holds no time of its own (the file's modification time says when it was saved), so an unchanged
     * state gives the same bytes and need not be written again.
     */
    static byte[] write(DurableState st) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        Map<String, Object> state = SeedWriter.write(st.document(), Instant.EPOCH, null, true);
        state.remove("exported_at");
        m.put("state", state);
        List<Object> times = new ArrayList<>();
        for (DurableState.TagTimes t : st.tagTimes()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("region", t.region());
            o.put("registry_id", t.registryId().toString());
            o.put("repository", t.repository());
            o.put("digest", t.digest());
            o.put("tag", t.tag());
            o.put("pushed_at", t.pushedAt() == null ? null : Json.time(t.pushedAt()));
            o.put("pulled_at", t.pulledAt() == null ? null : Json.time(t.pulledAt()));
            times.add(o);
        }
        m.put("tag_times", times);
        List<Object> links = new ArrayList<>();
        for (DurableState.BlobLinks l : st.blobLinks()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("region", l.region());
            o.put("registry_id", l.registryId().toString());
            o.put("repository", l.repository());
            o.put("digests", l.digests());
            links.add(o);
        }
        m.put("blob_links", links);
        return Json.write(m);
    }

    /** Reads a body whose checksum held; a document this emulator cannot read fails naming the field. */
    static DurableState read(byte[] body) {
        JsonNode root;
        try {
            root = Json.read(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + Json.describe(e), e);
        }
        if (root == null || !root.isObject() || !root.path("state").isObject())
            throw new IllegalArgumentException("no 'state' object");
        int format = root.path("format").asInt(-1);
        if (format != FORMAT)
            throw new IllegalArgumentException(
                    "format " + root.get("format") + " is not " + FORMAT + " (saved by a newer emulator?)");
        byte[] state;
        try {
            state = Json.MAPPER.writeValueAsBytes(root.get("state"));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        SeedDocument doc = SeedParser.parse(state);
        List<DurableState.TagTimes> times = new ArrayList<>();
        for (JsonNode t : root.path("tag_times")) {
            times.add(new DurableState.TagTimes(
                    t.path("region").asText(),
                    UUID.fromString(t.path("registry_id").asText()),
                    t.path("repository").asText(),
                    t.path("digest").asText(),
                    t.path("tag").asText(),
                    instant(t.get("pushed_at")),
                    instant(t.get("pulled_at"))));
        }
        List<DurableState.BlobLinks> links = new ArrayList<>();
        for (JsonNode l : root.path("blob_links")) {
            List<String> digests = new ArrayList<>();
            for (JsonNode d : l.path("digests")) digests.add(d.asText());
            links.add(new DurableState.BlobLinks(
                    l.path("region").asText(),
                    UUID.fromString(l.path("registry_id").asText()),
                    l.path("repository").asText(),
                    digests));
        }
        return new DurableState(doc, times, links);
    }

    private static Instant instant(JsonNode n) {
        return n == null || n.isNull() ? null : Instant.parse(n.asText());
    }
}
