package io.mcremulator.junit;

import io.mcremulator.client.EmulatorControl;
import io.mcremulator.core.Emulator;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.seed.SeedDocument;
import io.mcremulator.server.McrEmulatorServer;
import io.mcremulator.server.auth.AuthMode;
import io.mcremulator.server.auth.AuthSettings;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One started server with what the extension keeps beside it: the parsed seeds (loaded again after every reset),
 * the token maker, and the lock that lets RESET-mode tests run one at a time. Lives in an {@link ExtensionContext}
 * store, which closes it when its scope ends (the root store: at the end of the run).
 */
@SuppressWarnings("deprecation") // CloseableResource: JUnit 5.10-5.12 only close those; 5.13+ also AutoCloseable
final class RunningServer implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final Settings settings;
    final McrEmulatorServer server;
    final Tokens tokens;
    final Options.Target options;
    /** Held by a RESET-mode test from its start to its end. */
    final ReentrantLock exclusive = new ReentrantLock(true);

    private final List<SeedDocument> seeds;
    private final EmulatorControl control;
    private volatile boolean closed;

    private RunningServer(
            Settings settings,
            McrEmulatorServer server,
            Tokens tokens,
            Options.Target options,
            List<SeedDocument> seeds) {
        this.settings = settings;
        this.server = server;
        this.tokens = tokens;
        this.options = options;
        this.seeds = seeds;
        this.control = server.control();
    }

    /** Loads the seeds, then starts the server; nothing keeps running when a seed is bad. */
    static RunningServer start(Settings settings, ClassLoader loader) {
        Options.Target options = settings.target();
        String secret = null;
        if (settings.auth() == AuthMode.VERIFY) {
            byte[] b = new byte[32];
            new SecureRandom().nextBytes(b);
            secret = HexFormat.of().formatHex(b);
            options.server.auth(new AuthSettings(AuthMode.VERIFY, secret, null, null, Map.of(), null));
        } else {
            options.server.auth(new AuthSettings(settings.auth(), null, null, null, Map.of(), null));
        }
        options.server.engine(options.engine.build());
        List<SeedDocument> seeds = new ArrayList<>();
        for (SeedSource s : settings.seeds()) seeds.add(s.load(loader));
        McrEmulatorServer server = options.server.build();
        Tokens tokens = new Tokens(secret, options.tenantType);
        tokens.warmUpInBackground();
        RunningServer running = new RunningServer(settings, server, tokens, options, List.copyOf(seeds));
        running.loadSeeds();
        server.start();
        return running;
    }

    Emulator engine() {
        return server.emulator();
    }

    /** The server's control API, called in-process (no HTTP to itself). */
    EmulatorControl control() {
        return control;
    }

    /** Forgets everything and loads the configured seeds again. */
    void resetAndReseed() {
        engine().reset();
        loadSeeds();
    }

    private void loadSeeds() {
        for (int i = 0; i < seeds.size(); i++) {
            try {
                engine().seed(seeds.get(i));
            } catch (EmulatorException e) {
                throw new IllegalArgumentException(settings.seeds().get(i).describe() + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        server.stop();
    }
}
