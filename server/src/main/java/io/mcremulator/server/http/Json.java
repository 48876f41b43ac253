package io.mcremulator.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;

/** The one JSON mapper of the server, and the timestamp format of the API (RFC 3339, UTC, seconds). */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {}

    /**
     * The bytes of a value built from maps, lists, strings, numbers and booleans (what {@code api/Views} builds),
     * written with Jackson's streaming generator: the same output as {@code MAPPER.writeValueAsBytes}, without the
     * serializer lookups per map entry that were most of the JSON cost of a list page in the profile
     * (docs/benchmarks.md). Any other value is handed to the mapper.
     */
    public static byte[] write(Object value) {
        Output out = OUTPUT.get();
        if (out.inUse) out = new Output(); // a write inside a write (none today) gets its own buffer
        out.start();
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            writeValue(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            out.inUse = false;
        }
        return out.take();
    }

    private static final ThreadLocal<Output> OUTPUT = ThreadLocal.withInitial(Output::new);

    /**
     * The bytes of one {@link #write}, in a buffer each request thread keeps: a list page (8-10 KB) then costs one
     * exact-size copy. Jackson's {@code ByteArrayBuilder} grew by extra blocks and copied them all at the end: ~20 %
     * of a list's allocated bytes in the JFR allocation profile (bench/notes.md, change 18).
     */
    private static final class Output extends java.io.OutputStream {
        private static final int INITIAL = 16 * 1024;
        /** A buffer grown past this for one large answer is not kept for the next. */
        private static final int KEEP_AT_MOST = 256 * 1024;

        private byte[] buf = new byte[INITIAL];
        private int count;
        boolean inUse;

        void start() {
            inUse = true;
            count = 0;
        }

        @Override
        public void write(int b) {
            ensure(1);
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            ensure(len);
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        private void ensure(int more) {
            int need = count + more;
            if (need < 0) throw new OutOfMemoryError("JSON answer over 2 GiB");
            if (need > buf.length)
                buf = java.util.Arrays.copyOf(buf, Math.max(need, (int)
                        Math.min(Integer.MAX_VALUE - 8, 2L * buf.length)));
        }

        byte[] take() {
            byte[] bytes = java.util.Arrays.copyOf(buf, count);
            count = 0;
            if (buf.length > KEEP_AT_MOST) buf = new byte[INITIAL];
            return bytes;
        }
    }

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object item : c) writeValue(g, item);
            g.writeEndArray();
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            MAPPER.writeValue(g, v);
        }
    }

    public static JsonNode read(byte[] bytes) throws IOException {
        return MAPPER.readTree(bytes);
    }

    /** A parse error for a caller: the parser's own words and where, without Jackson's source-location noise. */
    public static String describe(IOException e) {
        if (e instanceof JsonProcessingException j) {
            var loc = j.getLocation();
            return j.getOriginalMessage()
                    + (loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")");
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse("");
    }

    public static String time(Instant t) {
        if (t == null) return null;
        // Written by hand for years 0000-9999 (every list item has two or more; DateTimeFormatter was ~9 % of the
        // server CPU of a list in the profile); exactly what ISO_INSTANT prints for a whole second.
        long seconds = t.getEpochSecond();
        long days = Math.floorDiv(seconds, 86_400L);
        if (days < MIN_FAST_DAY || days > MAX_FAST_DAY)
            return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
        // Civil date from days since 1970-01-01 (H. Hinnant's days_from_civil inverse): LocalDate.ofEpochDay's
        // range checks were ~8 % of a list's CPU in the profile. Valid for the whole fast range above.
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));
        int secOfDay = (int) Math.floorMod(seconds, 86_400L);
        char[] c = new char[20];
        digits(c, 0, year, 4);
        c[4] = '-';
        digits(c, 5, month, 2);
        c[7] = '-';
        digits(c, 8, day, 2);
        c[10] = 'T';
        digits(c, 11, secOfDay / 3600, 2);
        c[13] = ':';
        digits(c, 14, secOfDay / 60 % 60, 2);
        c[16] = ':';
        digits(c, 17, secOfDay % 60, 2);
        c[19] = 'Z';
        return new String(c);
    }

    private static final long MIN_FAST_DAY = java.time.LocalDate.of(0, 1, 1).toEpochDay();
    private static final long MAX_FAST_DAY =
            java.time.LocalDate.of(9999, 12, 31).toEpochDay();

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
