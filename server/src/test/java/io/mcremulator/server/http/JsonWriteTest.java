package io.mcremulator.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Json.write streams what Views build; it must give the bytes the mapper's writeValueAsBytes (used before) gives. */
class JsonWriteTest {
    @Test
    void writesTheSameBytesAsTheMapperForEveryKindOfValueViewsUse() throws Exception {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("text", "naïve \"quoted\" \\ back\nslash \u0001 ☃ 😀");
        inner.put("nothing", null);
        inner.put("int", 42);
        inner.put("long", Long.MAX_VALUE);
        inner.put("negative", -7L);
        inner.put("double", 1.5d);
        inner.put("decimal", new BigDecimal("12.3400"));
        inner.put("yes", true);
        inner.put("empty", Map.of());
        inner.put("emptyList", List.of());
        inner.put("set", Set.of("only"));
        inner.put("node", Json.read("{\"a\":[1,{\"b\":null}],\"c\":\"d\"}".getBytes()));
        inner.put("array", new int[] {1, 2});
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("results", List.of(inner, inner));
        outer.put("meta", Map.of("page", Map.of("count", 2)));
        outer.put("nulls", Arrays.asList(null, "x"));

        assertThat(Json.write(outer)).isEqualTo(Json.MAPPER.writeValueAsBytes(outer));
        JsonNode back = Json.read(Json.write(outer));
        assertThat(back.path("results").get(1).path("text").asText()).isEqualTo(inner.get("text"));
    }

    /** Each thread reuses one buffer: a large answer, then a small one, then a large one again, are each whole. */
    @Test
    void answersOfAnySizeInARowAreEachWrittenWhole() throws Exception {
        List<Map<String, Object>> big = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) big.add(Map.of("id", "item-" + i, "n", i)); // ~600 KB of JSON
        Map<String, Object> large = Map.of("results", big);
        Map<String, Object> small = Map.of("id", "x");
        for (Object v : List.of(large, small, large, small)) {
            assertThat(Json.write(v)).isEqualTo(Json.MAPPER.writeValueAsBytes(v));
        }
    }

    @Test
    void writesTopLevelScalarsAndNull() throws Exception {
        for (Object v : new Object[] {null, "s", 3, 4L, false, List.of(1, "2")}) {
            assertThat(Json.write(v)).isEqualTo(Json.MAPPER.writeValueAsBytes(v));
        }
    }
}
