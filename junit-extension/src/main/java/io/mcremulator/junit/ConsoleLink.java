package io.mcremulator.junit;

import org.opentest4j.AssertionFailedError;
import org.opentest4j.ValueWrapper;

/**
 * Puts the web console's link into a failing test's message. Assertion failures ({@link AssertionError} and
 * opentest4j's {@link AssertionFailedError}, what JUnit and AssertJ throw) are rebuilt with the link at the end of
 * their message, keeping expected/actual (IDE diffs), cause, stack trace and suppressed exceptions; anything else
 * (an exception of the code under test) is rethrown as it is, with the link as a suppressed exception so its type
 * never changes.
 */
final class ConsoleLink {
    private ConsoleLink() {}

    static String line(String url) {
        return "mcr-emulator console (this test's tenant): " + url;
    }

    static Throwable attach(Throwable thrown, String url) {
        String line = line(url);
        Throwable out;
        if (thrown.getClass() == AssertionFailedError.class) {
            AssertionFailedError a = (AssertionFailedError) thrown;
            out = a.isExpectedDefined() || a.isActualDefined()
                    ? new AssertionFailedError(
                            message(a, line), value(a.getExpected()), value(a.getActual()), a.getCause())
                    : new AssertionFailedError(message(a, line), a.getCause());
        } else if (thrown.getClass() == AssertionError.class) {
            out = new AssertionError(message(thrown, line), thrown.getCause());
        } else {
            thrown.addSuppressed(new ConsoleLinkNote(line));
            return thrown;
        }
        out.setStackTrace(thrown.getStackTrace());
        for (Throwable s : thrown.getSuppressed()) out.addSuppressed(s);
        return out;
    }

    private static String message(Throwable t, String line) {
        String m = t.getMessage();
        return m == null || m.isEmpty() ? line : m + "\n" + line;
    }

    /** The wrapped value, or its string form when the value was not kept (not serializable). */
    private static Object value(ValueWrapper w) {
        if (w == null) return null;
        Object v = w.getValue();
        return v != null || "null".equals(w.getStringRepresentation()) ? v : w.getStringRepresentation();
    }

    /** Carries the link beside an exception whose type must stay; no stack trace of its own. */
    static final class ConsoleLinkNote extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConsoleLinkNote(String line) {
            super(line, null, false, false);
        }
    }
}
