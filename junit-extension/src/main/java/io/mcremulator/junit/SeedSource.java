package io.mcremulator.junit;

import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.seed.SeedDocument;
import io.mcremulator.server.control.SeedParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a seed document comes from ({@code classpath:...} or a file path) and who asked for it, so every error
 * says both: {@code seed 'classpath:x.json' (from @McrEmulatorTest(seed) on com.acme.FooTest) ...}.
 */
record SeedSource(String location, String origin) {
    static final String CLASSPATH = "classpath:";

    String describe() {
        return "seed '" + location + "' (from " + origin + ")";
    }

    /** Reads and parses the document; a missing file or a bad document fails with a message naming both. */
    SeedDocument load(ClassLoader loader) {
        byte[] bytes = read(loader);
        try {
            return SeedParser.parse(bytes);
        } catch (EmulatorException e) {
            throw new IllegalArgumentException(describe() + ": " + e.getMessage(), e);
        }
    }

    private byte[] read(ClassLoader loader) {
        if (location.startsWith(CLASSPATH)) {
            String name = location.substring(CLASSPATH.length());
            while (name.startsWith("/")) name = name.substring(1);
            try (InputStream in = loader.getResourceAsStream(name)) {
                if (in == null)
                    throw new IllegalArgumentException(describe() + ": no resource '" + name + "' on the classpath");
                return in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalArgumentException(describe() + ": cannot be read: " + e, e);
            }
        }
        Path path = Path.of(location);
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(
                    describe() + ": no such file " + path.toAbsolutePath() + " (use 'classpath:' for resources)", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(describe() + ": cannot be read: " + e, e);
        }
    }
}
