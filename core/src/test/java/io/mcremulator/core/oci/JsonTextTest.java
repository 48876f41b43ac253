package io.mcremulator.core.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {
    private static Object parse(String s) {
        return JsonText.parse(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsObjectsArraysStringsNumbersAndLiterals() {
        Object v = parse(" {\"a\":[1,-2.5e3,true,false,null],\"b\":\"x\\u00e9\\n\\\"\",\"c\":{}} ");
        assertThat(v)
                .isEqualTo(Map.of(
                        "a", java.util.Arrays.asList(1L, -2500.0, true, false, null), "b", "xé\n\"", "c", Map.of()));
        assertThat(parse("[]")).isEqualTo(List.of());
    }

    @Test
    void rejectsMalformedInputWithTheOffset() {
        assertThatThrownBy(() -> parse("{\"a\":1,}"))
                .isInstanceOf(JsonText.MalformedJson.class)
                .hasMessageContaining("offset 7");
        assertThatThrownBy(() -> parse("{} x")).isInstanceOf(JsonText.MalformedJson.class);
        assertThatThrownBy(() -> parse("\"open")).isInstanceOf(JsonText.MalformedJson.class);
        assertThatThrownBy(() -> parse("[1 2]")).isInstanceOf(JsonText.MalformedJson.class);
        assertThatThrownBy(() -> parse("01x")).isInstanceOf(JsonText.MalformedJson.class);
    }
}
