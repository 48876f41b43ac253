package io.mcremulator.server.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The server's packages form layers: the root (server, Main) wires, {@code routing} binds the route table to the
 * handlers, the API packages hold handlers, {@code operation} and {@code http} are below them all. An import that
 * goes back up (control importing the root, oci importing the server) makes a cycle; this test names it.
 */
class PackageLayersTest {
    private static final Path SOURCES = Path.of("src/main/java/io/mcremulator/server");
    private static final Pattern IMPORT =
            Pattern.compile("^import (?:static )?io\\.mcremulator\\.server\\.([a-z.]*?)\\.?[A-Z]", Pattern.MULTILINE);

    @Test
    void thePackagesOfTheServerImportEachOtherWithoutCycles() throws IOException {
        Map<String, Set<String>> imports = imports();
        assertThat(imports).containsKeys("operation", "routing", "control", "oci", "api");
        for (String pkg : imports.keySet()) {
            assertThat(reachable(imports, pkg))
                    .as("packages reachable from '%s' by imports (a cycle if it contains itself)", pkg)
                    .doesNotContain(pkg);
        }
        assertThat(imports.get("operation"))
                .as("operation imports no other server package")
                .isEmpty();
        for (String pkg : imports.keySet()) {
            if (!pkg.isEmpty())
                assertThat(imports.get(pkg))
                        .as("'%s' imports the root package", pkg)
                        .doesNotContain("");
        }
    }

    /** Package (relative to io.mcremulator.server; "" is the root) to the server packages it imports. */
    private static Map<String, Set<String>> imports() throws IOException {
        Map<String, Set<String>> out = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(SOURCES)) {
            files = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path file : files) {
            String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
            Set<String> targets = out.computeIfAbsent(pkg, k -> new TreeSet<>());
            Matcher m = IMPORT.matcher(Files.readString(file));
            while (m.find()) {
                if (!m.group(1).equals(pkg)) targets.add(m.group(1));
            }
        }
        return out;
    }

    private static Set<String> reachable(Map<String, Set<String>> imports, String from) {
        Set<String> seen = new TreeSet<>();
        List<String> todo = new ArrayList<>(imports.getOrDefault(from, Set.of()));
        while (!todo.isEmpty()) {
            String next = todo.remove(todo.size() - 1);
            if (seen.add(next)) todo.addAll(imports.getOrDefault(next, Set.of()));
        }
        return seen;
    }
}
