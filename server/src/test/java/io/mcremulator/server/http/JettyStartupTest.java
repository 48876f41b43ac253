package io.mcremulator.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

@ResourceLock(Resources.SYSTEM_PROPERTIES)
class JettyStartupTest {
    @Test
    void aValueTheUserSetIsKept() {
        String before = System.getProperty(JettyStartup.REFERENCES_PER_CACHE_LINE);
        try {
            System.setProperty(JettyStartup.REFERENCES_PER_CACHE_LINE, "7");
            JettyStartup.applyDefaults();
            assertThat(System.getProperty(JettyStartup.REFERENCES_PER_CACHE_LINE))
                    .isEqualTo("7");
        } finally {
            restore(before);
        }
    }

    @Test
    void unsetItGetsWhatJettyWouldComputeForCompressedReferences() {
        String before = System.getProperty(JettyStartup.REFERENCES_PER_CACHE_LINE);
        try {
            System.clearProperty(JettyStartup.REFERENCES_PER_CACHE_LINE);
            JettyStartup.applyDefaults();
            // a test JVM's heap is far under 32 GiB: 4-byte references, 64-byte cache lines
            assertThat(System.getProperty(JettyStartup.REFERENCES_PER_CACHE_LINE))
                    .isEqualTo("16");
        } finally {
            restore(before);
        }
    }

    private static void restore(String value) {
        if (value == null) System.clearProperty(JettyStartup.REFERENCES_PER_CACHE_LINE);
        else System.setProperty(JettyStartup.REFERENCES_PER_CACHE_LINE, value);
    }
}
