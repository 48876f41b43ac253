package io.mcremulator.server.persist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The saved states of a data dir: numbered generations {@code state/state-<n>.json}, each written whole or not at
 * all (a temporary file, synced, renamed, then the folder synced) and each starting with a header line that holds
 * its length and sha256, so a torn or altered file is recognised. The newest two are kept: when the newest is bad,
 * the one before it is the last good state. Bad files are renamed {@code *.corrupt} (kept for a look, never read).
 * Not thread-safe: one writer (the flusher).
 */
final class StateFiles {
    static final String MAGIC = "mcr-emulator-state";
    private static final Pattern NAME = Pattern.compile("^state-(\\d{12})\\.json$");
    private static final Pattern HEADER = Pattern.compile("^" + MAGIC + " 1 (\\d+) sha256:([0-9a-f]{64})$");

    private final Path dir;
    private volatile long generation; // written by the one writer, read by status()

    /** A state read back: its generation, its body, and what was wrong with newer files (for the log). */
    record Loaded(long generation, byte[] body, List<String> problems) {}

    StateFiles(Path dataDir) throws IOException {
        this.dir = Files.createDirectories(dataDir.resolve("state"));
        try (var old = Files.list(dir)) {
            for (Path p : (Iterable<Path>) old::iterator)
                if (p.getFileName().toString().endsWith(".tmp")) Files.deleteIfExists(p); // an interrupted save
        }
        List<Long> all = generations();
        generation = all.isEmpty() ? 0 : all.get(0);
    }

    Path folder() {
        return dir;
    }

    /** The newest generation written or found (0: none). */
    long generation() {
        return generation;
    }

    /**
     * The newest state whose checksum holds, or one with a null body when there is none; every newer file that
     * failed is renamed {@code *.corrupt} and named in {@link Loaded#problems()}.
     */
    Loaded newest() throws IOException {
        List<String> problems = new ArrayList<>();
        for (long g : generations()) {
            Path p = file(g);
            byte[] raw = Files.readAllBytes(p);
            String why = check(raw);
            if (why == null) return new Loaded(g, body(raw), problems);
            Path aside = p.resolveSibling(p.getFileName() + ".corrupt");
            Files.move(p, aside, StandardCopyOption.REPLACE_EXISTING);
            problems.add(p + " is damaged (" + why + "); kept as " + aside.getFileName());
        }
        return new Loaded(0, null, problems);
    }

    /** Saves {@code body} as the next generation, durably, and drops generations older than the one before it. */
    void write(byte[] body) throws IOException {
        long next = generation + 1;
        Path target = file(next);
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        byte[] header =
                (MAGIC + " 1 " + body.length + " sha256:" + sha256(body) + "\n").getBytes(StandardCharsets.US_ASCII);
        try (FileChannel ch = FileChannel.open(
                tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(header.length + body.length)
                    .put(header)
                    .put(body)
                    .flip();
            while (b.hasRemaining()) ch.write(b);
            ch.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncFolder();
        generation = next;
        List<Long> all = generations();
        for (int i = 2; i < all.size(); i++) Files.deleteIfExists(file(all.get(i)));
    }

    private void syncFolder() throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    /** Null when {@code raw} is a whole, unaltered state file; otherwise what is wrong with it. */
    static String check(byte[] raw) {
        int nl = -1;
        for (int i = 0; i < Math.min(raw.length, 256); i++) {
            if (raw[i] == '\n') {
                nl = i;
                break;
            }
        }
        if (nl < 0) return "no header line";
        Matcher m = HEADER.matcher(new String(raw, 0, nl, StandardCharsets.US_ASCII));
        if (!m.matches()) return "unknown header";
        long length = Long.parseLong(m.group(1));
        long actual = raw.length - nl - 1L;
        if (actual != length) return "length " + actual + " instead of " + length + " bytes: a torn write";
        byte[] body = body(raw);
        if (!sha256(body).equals(m.group(2))) return "checksum mismatch";
        return null;
    }

    private static byte[] body(byte[] raw) {
        int nl = 0;
        while (raw[nl] != '\n') nl++;
        return java.util.Arrays.copyOfRange(raw, nl + 1, raw.length);
    }

    private Path file(long g) {
        return dir.resolve(String.format("state-%012d.json", g));
    }

    /** Generations on disk, newest first. */
    private List<Long> generations() throws IOException {
        List<Long> out = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches()) out.add(Long.parseLong(m.group(1)));
            }
        }
        out.sort(java.util.Comparator.reverseOrder());
        return out;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
