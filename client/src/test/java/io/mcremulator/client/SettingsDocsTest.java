package io.mcremulator.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The docs' settings tables are the catalogue's: a setting added to one and not the other fails here. */
class SettingsDocsTest {
    private static final Path PROJECT = Path.of(System.getProperty("mcr.projectDir", ".."));

    /** README.md's flag table, row by row, in catalogue order. */
    @Test
    void readmeFlagTableIsTheCatalogue() throws Exception {
        List<String> actual = Files.readAllLines(PROJECT.resolve("README.md")).stream()
                .filter(l -> l.startsWith("| `--"))
                .toList();
        List<String> expected = Setting.all(Setting.Where.CLI).stream()
                .map(SettingsDocsTest::row)
                .toList();
        assertThat(actual.stream().map(SettingsDocsTest::plain).toList())
                .as(
                        "README.md's flag table must list the catalogue (io.mcremulator.client.Setting); expected:%n%s",
                        String.join("\n", expected))
                .isEqualTo(expected.stream().map(SettingsDocsTest::plain).toList());
    }

    /** docs/junit.md's option table names exactly the catalogue's JUnit options. */
    @Test
    void junitOptionTableIsTheCatalogue() throws Exception {
        String doc = Files.readString(PROJECT.resolve("docs/junit.md"));
        String section = doc.substring(doc.indexOf("## Options"));
        section = section.substring(0, section.indexOf("\n## ", 3));
        List<String> documented = section.lines()
                .filter(l -> l.startsWith("| `"))
                .map(l -> l.substring(3, l.indexOf('`', 3)))
                .sorted()
                .toList();
        List<String> options = Setting.all(Setting.Where.JUNIT).stream()
                .map(Setting::optionName)
                .sorted()
                .collect(Collectors.toList());
        assertThat(documented).as("options in docs/junit.md").isEqualTo(options);
    }

    static String row(Setting s) {
        String d = s.defaultValue();
        boolean literal = !d.equals(Setting.NO_DEFAULT)
                && !d.matches("[0-9]+")
                && (s.type() == Setting.Type.CHOICE
                        || s.type() == Setting.Type.BOOLEAN
                        || s.type() == Setting.Type.TEXT);
        return "| `--" + s.flag() + "` | `" + s.env() + "` | " + (literal ? "`" + d + "`" : d) + " | " + s.description()
                + " |";
    }

    private static String plain(String row) {
        return row.replace("`", "").trim();
    }
}
