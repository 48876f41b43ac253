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
    private static final Pattern NAME =
            Pattern.compile("^[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*$");

    public static OciName parse(String name) {
        if (name == null || name.length() > 255 || !NAME.matcher(name).matches()) {
            throw new EmulatorException(
                    ErrorCode.NAME_INVALID,
                    "invalid repository name '" + name + "': use lowercase path"
                            + " components separated by '/', each matching [a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*",
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
