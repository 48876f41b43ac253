package io.mcremulator.junit;

import io.mcremulator.core.EmulatorConfig;
import io.mcremulator.core.Region;
import io.mcremulator.server.auth.AuthMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * JUnit Jupiter extension that runs the MCR emulator in-process and injects {@link McrEmulator} handles.
 *
 * <p>Declarative: {@link McrEmulatorTest @McrEmulatorTest} (which is {@code @ExtendWith(McrEmulatorExtension.class)}).
 * Programmatic:
 * <pre>{@code
 * @RegisterExtension
 * static McrEmulatorExtension emulator = McrEmulatorExtension.builder()
 *         .seed("classpath:seeds/base.json")
 *         .option("getRepositoryStatus", "201")
 *         .build();
 * }</pre>
 *
 * <p>By default one server per JVM and configuration, started on first use and stopped at the end of the run;
 * each test gets a fresh tenant ({@link Isolation#TENANT}), so tests may run in parallel.
 */
public final class McrEmulatorExtension
        implements BeforeAllCallback,
                BeforeEachCallback,
                AfterEachCallback,
                ParameterResolver,
                TestExecutionExceptionHandler {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(McrEmulatorExtension.class);

    /** Null when registered by {@code @McrEmulatorTest}/{@code @ExtendWith}: settings come from the annotation. */
    private final Builder programmatic;

    /** Used by {@code @ExtendWith}; for settings, use {@link #builder()} or {@link McrEmulatorTest}. */
    public McrEmulatorExtension() {
        this.programmatic = null;
    }

    private McrEmulatorExtension(Builder builder) {
        this.programmatic = builder.copy();
    }

    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ callbacks

    @Override
    public void beforeAll(ExtensionContext context) {
        if (deferred(context)) return;
        classHandle(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (deferred(context)) return;
        RunningServer running = server(context);
        DefaultMcrEmulator handle;
        if (running.settings.isolation() == Isolation.RESET) {
            running.exclusive.lock();
            running.resetAndReseed();
            running.control().clearRequests(); // the journal then holds this test's requests only
            handle = testHandle(context);
            handle.afterServerReset();
        } else {
            handle = testHandle(context);
        }
        if (settings(context).failOnUnmatchedRequests()) handle.markUnmatchedBaseline();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (deferred(context)) return;
        TestHandle h = context.getStore(NAMESPACE).remove(key("test"), TestHandle.class);
        RunningServer running = server(context);
        try {
            if (h != null && settings(context).failOnUnmatchedRequests())
                h.handle().assertNoUnmatchedRequests();
        } finally {
            try {
                if (h != null) h.close();
            } finally {
                if (running.exclusive.isHeldByCurrentThread()) running.exclusive.unlock();
            }
        }
    }

    /**
     * A failing test's message ends with the web console's link to its tenant (unless {@code
     * consoleLinkOnFailure=false}): what the code under test created and which requests it sent.
     */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        if (deferred(context) || !settings(context).consoleLinkOnFailure()) throw thrown;
        TestHandle h = context.getStore(NAMESPACE).get(key("test"), TestHandle.class);
        if (h == null) throw thrown;
        throw ConsoleLink.attach(thrown, h.handle().consoleUrl());
    }

    // ------------------------------------------------------------------ parameters

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == McrEmulator.class && !deferred(extensionContext);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        return context.getTestMethod().isPresent() ? testHandle(context) : classHandle(context);
    }

    // ------------------------------------------------------------------ state in the stores

    /** Closes the handle with the context it lives in (class handles) or in afterEach (test handles). */
    @SuppressWarnings("deprecation")
    private record TestHandle(DefaultMcrEmulator handle)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            handle.close();
        }
    }

    private String key(String what) {
        return what + "@" + System.identityHashCode(this);
    }

    private DefaultMcrEmulator testHandle(ExtensionContext context) {
        RunningServer running = server(context);
        Settings s = settings(context);
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        key("test"),
                        k -> new TestHandle(new DefaultMcrEmulator(running, s.region(), s.origin())),
                        TestHandle.class)
                .handle();
    }

    private DefaultMcrEmulator classHandle(ExtensionContext context) {
        ExtensionContext classContext = nearestClassContext(context);
        RunningServer running = server(classContext);
        return classContext
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        key("class"),
                        k -> new TestHandle(new DefaultMcrEmulator(
                                running,
                                settings(classContext).region(),
                                settings(classContext).origin())),
                        TestHandle.class)
                .handle();
    }

    private RunningServer server(ExtensionContext context) {
        Settings settings = settings(context);
        ExtensionContext owner = settings.scope() == ServerScope.JVM ? context.getRoot() : topClassContext(context);
        ClassLoader loader = context.getRequiredTestClass().getClassLoader();
        try {
            return owner.getStore(NAMESPACE)
                    .getOrComputeIfAbsent(
                            settings.serverKey() + "#" + settings.scope(),
                            k -> RunningServer.start(settings, loader),
                            RunningServer.class);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("mcr-emulator: " + e.getMessage(), e);
        }
    }

    private Settings settings(ExtensionContext context) {
        ExtensionContext classContext = nearestClassContext(context);
        try {
            return classContext
                    .getStore(NAMESPACE)
                    .getOrComputeIfAbsent(key("settings"), k -> readSettings(classContext), Settings.class);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("mcr-emulator: " + e.getMessage(), e);
        }
    }

    private Settings readSettings(ExtensionContext classContext) {
        Class<?> testClass = classContext.getRequiredTestClass();
        if (programmatic != null)
            return programmatic.settings("McrEmulatorExtension.builder() registered in " + testClass.getName());
        Optional<McrEmulatorTest> annotation = findAnnotation(testClass);
        if (annotation.isEmpty())
            return new Builder().settings("@ExtendWith(McrEmulatorExtension.class) on " + testClass.getName());
        McrEmulatorTest a = annotation.get();
        String origin = "@McrEmulatorTest on " + testClass.getName();
        Builder b = new Builder()
                .auth(a.auth())
                .region(Settings.parseRegion(a.region(), origin + " (region)"))
                .isolation(a.isolation())
                .server(a.server());
        if (a.failOnUnmatchedRequests()) b.failOnUnmatchedRequests(true);
        for (String seed : a.seed()) b.seed(seed);
        for (String option : a.options()) {
            int eq = option.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("option '" + option + "' (from " + origin
                        + " (options)) is not name=value; known options: " + Options.known());
            }
            b.option(option.substring(0, eq).trim(), option.substring(eq + 1));
        }
        return b.settings(origin);
    }

    /** The annotation on the class, its superclasses, or (for @Nested classes) an enclosing class. */
    private static Optional<McrEmulatorTest> findAnnotation(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            Optional<McrEmulatorTest> a = AnnotationSupport.findAnnotation(c, McrEmulatorTest.class);
            if (a.isPresent()) return a;
        }
        return Optional.empty();
    }

    /**
     * True for the annotation-made instance when the class also registers a programmatic one: that one wins, so
     * the two never compete for the same parameters.
     */
    private boolean deferred(ExtensionContext context) {
        if (programmatic != null || context.getTestClass().isEmpty()) return false;
        ExtensionContext classContext = nearestClassContext(context);
        return classContext
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        key("deferred"),
                        k -> hasRegisteredInstance(classContext.getRequiredTestClass()),
                        Boolean.class);
    }

    private static boolean hasRegisteredInstance(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            boolean registered = !AnnotationSupport.findAnnotatedFields(
                            c,
                            RegisterExtension.class,
                            f -> McrEmulatorExtension.class.isAssignableFrom(f.getType()),
                            HierarchyTraversalMode.TOP_DOWN)
                    .isEmpty();
            if (registered) return true;
        }
        return false;
    }

    private static ExtensionContext nearestClassContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent())
            c = c.getParent().get();
        return c;
    }

    private static ExtensionContext topClassContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getParent().isPresent() && c.getParent().get().getParent().isPresent())
            c = c.getParent().get();
        return c;
    }

    // ------------------------------------------------------------------ builder

    /** Settings of a programmatically registered extension; every option has a default. */
    public static final class Builder {
        private AuthMode auth = AuthMode.DECODE;
        private final List<String> seeds = new ArrayList<>();
        private Region region = Region.DEFAULT;
        private Isolation isolation = Isolation.TENANT;
        private ServerScope server = ServerScope.JVM;
        private final Map<String, String> options = new LinkedHashMap<>();
        private Consumer<EmulatorConfig.Builder> engine;

        private Builder() {}

        /** How the server checks callers (default DECODE); the handle's tokens always pass. */
        public Builder auth(AuthMode mode) {
            this.auth = Objects.requireNonNull(mode, "auth");
            return this;
        }

        /** A seed document loaded at start and after every reset: {@code classpath:...} or a file path. */
        public Builder seed(String location) {
            seeds.add(Objects.requireNonNull(location, "seed"));
            return this;
        }

        /** Default region of the handles' URLs and docker credentials (default br-se1). */
        public Builder region(Region region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        public Builder isolation(Isolation isolation) {
            this.isolation = Objects.requireNonNull(isolation, "isolation");
            return this;
        }

        public Builder server(ServerScope scope) {
            this.server = Objects.requireNonNull(scope, "server");
            return this;
        }

        /** A {@code name=value} option, as in {@link McrEmulatorTest#options()}; checked when the extension starts. */
        public Builder option(String name, String value) {
            options.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Fail each test, after it ran, when it called a route the emulator does not have (a 404/405 from the router,
         * recorded by the request journal); see {@link McrEmulator#assertNoUnmatchedRequests()} for what counts as the
         * test's. Same as the option {@code failOnUnmatchedRequests=true}.
         */
        public Builder failOnUnmatchedRequests(boolean fail) {
            return option(Options.FAIL_ON_UNMATCHED, String.valueOf(fail));
        }

        /**
         * Whether a failing test's message ends with the web console's link to its tenant (default true; also the
         * option {@code consoleLinkOnFailure}, or the system property {@code mcr.consoleLinkOnFailure}).
         */
        public Builder consoleLinkOnFailure(boolean link) {
            return option(Options.CONSOLE_LINK, String.valueOf(link));
        }

        /**
         * Engine settings in code (clock, id source, limits). A server configured this way is never shared with
         * other test classes.
         */
        public Builder engine(Consumer<EmulatorConfig.Builder> customizer) {
            this.engine = customizer;
            return this;
        }

        public McrEmulatorExtension build() {
            return new McrEmulatorExtension(this);
        }

        Settings settings(String origin) {
            List<SeedSource> sources = seeds.stream()
                    .map(s -> new SeedSource(s, origin + " (seed)"))
                    .toList();
            return new Settings(auth, sources, region, isolation, server, options, engine, origin);
        }

        private Builder copy() {
            Builder b = new Builder();
            b.auth = auth;
            b.seeds.addAll(seeds);
            b.region = region;
            b.isolation = isolation;
            b.server = server;
            b.options.putAll(options);
            b.engine = engine;
            return b;
        }
    }
}
