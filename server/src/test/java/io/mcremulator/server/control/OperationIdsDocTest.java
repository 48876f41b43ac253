package io.mcremulator.server.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcremulator.client.OperationInfo;
import io.mcremulator.server.McrEmulatorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** docs/junit.md lists the operation ids that verify(..) and the journal know: exactly the server's. */
class OperationIdsDocTest {

    @Test
    void junitDocListsEveryOperationId() throws Exception {
        TreeSet<String> ids = new TreeSet<>();
        try (McrEmulatorServer server = McrEmulatorServer.builder().build()) {
            for (OperationInfo op : server.control().operations()) ids.addAll(op.operationIds());
        }
        String doc = Files.readString(Path.of(System.getProperty("mcr.projectDir", ".."), "docs", "junit.md"));
        String section = doc.substring(doc.indexOf("### Operation ids"));
        section = section.substring(0, section.indexOf("\n#", 5));
        List<String> documented = section.lines()
                .filter(l -> l.startsWith("| ") && !l.startsWith("| what") && !l.startsWith("| ---"))
                .map(l -> l.split("\\|")[2])
                .flatMap(cell -> java.util.Arrays.stream(cell.split("[`, ]+")).filter(w -> !w.isEmpty()))
                .sorted()
                .toList();
        assertThat(documented)
                .as("the operation ids table in docs/junit.md; expected %s", ids)
                .containsExactlyElementsOf(ids);
    }
}
