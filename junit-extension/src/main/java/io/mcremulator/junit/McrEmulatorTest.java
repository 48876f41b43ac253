package io.mcremulator.junit;

import io.mcremulator.server.auth.AuthMode;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against an in-process MCR emulator and injects an {@link McrEmulator} handle into test
 * methods, constructors and lifecycle methods. For settings not listed here, register the extension
 * programmatically with {@link McrEmulatorExtension#builder()}.
 *
 * <pre>{@code
 * @McrEmulatorTest
 * class RegistryClientTest {
 *     @Test
 *     void createsRegistry(McrEmulator mcr) { ... mcr.managementUrl() ... mcr.bearerToken() ... }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(McrEmulatorExtension.class)
public @interface McrEmulatorTest {
    /** How the server checks callers; the handle's tokens always pass it. */
    AuthMode auth() default AuthMode.DECODE;

    /**
     * Seed documents (JSON, docs/seed-format.md) loaded when the server starts, and again after every reset in
     * {@link Isolation#RESET} mode: {@code classpath:seeds/base.json} or a file path.
     */
    String[] seed() default {};

    /** Region of {@link McrEmulator#managementUrl()} and friends: br-se1, br-ne1 or br-mgl1 (br-se-1). */
    String region() default "br-se1";

    Isolation isolation() default Isolation.TENANT;

    ServerScope server() default ServerScope.JVM;

    /**
     * Further settings as {@code name=value}, e.g. {@code "getRepositoryStatus=201"},
     * {@code "nonEmptyRegistryDelete=conflict"}; an unknown name fails the test naming the known ones. The list is
     * in docs/junit.md.
     */
    String[] options() default {};

    /**
     * Fail each test, after it ran, when it called a route the emulator does not have (recorded by the request
     * journal as unmatched); see {@link McrEmulator#assertNoUnmatchedRequests()} for the limits in parallel mode.
     */
    boolean failOnUnmatchedRequests() default false;
}
