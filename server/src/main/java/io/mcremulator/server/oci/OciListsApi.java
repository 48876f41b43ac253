package io.mcremulator.server.oci;

import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import io.mcremulator.core.oci.Descriptor;
import io.mcremulator.core.oci.MediaTypes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /v2/} (ping), tag lists and the catalog (sorted, {@code n}/{@code last}/{@code Link}), referrers. */
public final class OciListsApi {
    public void ping(OciCall c) throws Exception {
        OciResponses.json(c.ctx(), 200, "application/json", Map.of());
    }

    public void tags(OciCall c) throws Exception {
        List<String> all = c.engine().ociManifests().tags(c.principal(), c.name());
        List<String> page = page(c, all, "/v2/" + c.name() + "/tags/list");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", c.name());
        body.put("tags", page);
        OciResponses.json(c.ctx(), 200, "application/json", body);
    }

    public void catalog(OciCall c) throws Exception {
        List<String> page = page(c, c.engine().ociManifests().catalog(c.principal()), "/v2/_catalog");
        OciResponses.json(c.ctx(), 200, "application/json", Map.of("repositories", page));
    }

    public void referrers(OciCall c) throws Exception {
        String artifactType = c.query("artifactType");
        List<Descriptor> refs =
                c.engine().ociManifests().referrers(c.principal(), c.name(), c.path("digest"), artifactType);
        List<Map<String, Object>> manifests = new ArrayList<>();
        for (Descriptor d : refs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mediaType", d.mediaType());
            m.put("digest", d.digest());
            m.put("size", d.size());
            if (d.artifactType() != null) m.put("artifactType", d.artifactType());
            if (!d.annotations().isEmpty()) m.put("annotations", d.annotations());
            manifests.add(m);
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("mediaType", MediaTypes.OCI_INDEX);
        index.put("manifests", manifests);
        if (artifactType != null) c.ctx().header("OCI-Filters-Applied", "artifactType");
        OciResponses.json(c.ctx(), 200, MediaTypes.OCI_INDEX, index);
    }

    /** Entries after {@code last} (exclusive), at most {@code n}; sets {@code Link} when more remain. */
    private static List<String> page(OciCall c, List<String> sorted, String path) {
        String last = c.query("last");
        String nParam = c.query("n");
        Integer n = null;
        if (nParam != null) {
            try {
                // ASCII digits only: Integer.parseInt would also read other scripts' digits
                n = nParam.matches("[0-9]{1,10}") ? Integer.parseInt(nParam) : -1;
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 0) {
                throw new EmulatorException(
                        ErrorCode.OCI_PAGINATION_NUMBER_INVALID,
                        "invalid n '" + nParam + "': expected an integer 0.." + Integer.MAX_VALUE + " in ASCII digits",
                        Map.of("n", nParam));
            }
        }
        List<String> after = last == null
                ? sorted
                : sorted.stream().filter(t -> t.compareTo(last) > 0).toList();
        if (n == null || after.size() <= n) return n != null && n == 0 ? List.of() : after;
        List<String> out = after.subList(0, n);
        if (n > 0) {
            String next = path + "?last=" + URLEncoder.encode(out.get(n - 1), StandardCharsets.UTF_8) + "&n=" + n;
            c.ctx().header("Link", "<" + next + ">; rel=\"next\"");
        }
        return out;
    }
}
