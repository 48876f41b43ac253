package io.mcremulator.core.oci;

import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An OCI repository name as MCR lays it out: {@code <registry-name>/<repository-path>}. The first path segment is
 * the registry created through the management API; the rest is the repository.
 */
public record OciName(String registry, String repository) {
    /** One path component of a repository name, as the distribution spec writes it. */
    public static final String COMPONENT_RULE = "[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*";

    /** The longest full name ({@code <registry>/<repository>}) a client can push or pull. */
    public static final int MAX_LENGTH = 255;

    private static final Pattern NAME = Pattern.compile("^" + COMPONENT_RULE + "(/" + COMPONENT_RULE + ")*$");

    /** True for a name of lowercase components separated by '/', at most {@link #MAX_LENGTH} characters. */
    public static boolean isValid(String name) {
        return name != null && name.length() <= MAX_LENGTH && NAME.matcher(name).matches();
    }

    public static OciName parse(String name) {
        if (!isValid(name)) {
            throw new EmulatorException(
                    ErrorCode.NAME_INVALID,
                    "invalid repository name '" + name + "': use lowercase path"
                            + " components separated by '/', each matching " + COMPONENT_RULE + ", at most "
                            + MAX_LENGTH
                            + " characters in all",
                    Map.of("name", String.valueOf(name)));
        }
        int slash = name.indexOf('/');
        if (slash < 0) {
            throw new EmulatorException(
                    ErrorCode.NAME_INVALID,
                    "invalid repository name '" + name + "': MCR names are" + " <registry-name>/<repository>, e.g. "
                            + name + "/app",
                    Map.of("name", name));
        }
        return new OciName(name.substring(0, slash), name.substring(slash + 1));
    }

    public String full() {
        return registry + "/" + repository;
    }

    @Override
    public String toString() {
        return full();
    }
}
