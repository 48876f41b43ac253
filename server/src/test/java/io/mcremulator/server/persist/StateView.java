package io.mcremulator.server.persist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a user sees of one tenant through the management API (registries, repositories of each, images of each with
 * tags and times, proxy caches, docker credentials) and the whole state as the control plane exports it: compared
 * before a stop and after the restart.
 */
final class StateView {
    private StateView() {}

    static Map<String, String> of(RegistryClient c) {
        Map<String, String> view = new LinkedHashMap<>();
        JsonNode registries = ok(c, "/v0/registries?_limit=100");
        view.put("registries", registries.toString());
        for (JsonNode r : registries.get("results")) {
            String id = r.get("id").asText();
            view.put("registry " + id, ok(c, "/v0/registries/" + id).toString());
            JsonNode repos = ok(c, "/v1/registries/" + id + "/repositories?_limit=100");
            view.put("repositories " + id, repos.toString());
            for (JsonNode repo : repos.get("results")) {
                String rid = repo.get("id").asText();
                view.put(
                        "images " + id + "/" + rid,
                        ok(c, "/v1/registries/" + id + "/repositories/" + rid + "/images?_limit=100")
                                .toString());
            }
        }
        view.put("proxy caches", ok(c, "/v0/proxy-caches?_limit=100").toString());
        view.put("credentials", ok(c, "/v0/credentials").toString());
        JsonNode export = RegistryClientJson.read(
                c.get("/_emulator/export?content=include").body());
        ((ObjectNode) export).remove("exported_at");
        view.put("export", export.toString());
        return view;
    }

    private static JsonNode ok(RegistryClient c, String path) {
        RegistryClient.Answer a = c.get(path);
        if (a.status() != 200) throw new AssertionError("GET " + path + ": " + a.status() + " " + a.text());
        return a.json();
    }

    /** Parses JSON bytes. */
    static final class RegistryClientJson {
        static JsonNode read(byte[] b) {
            try {
                return RegistryClient.JSON.readTree(b);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
    }
}
