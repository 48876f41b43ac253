package io.mcremulator.server.control;

import io.mcremulator.server.operation.Operation;

/**
 * The precise operationId of a request. Most rows have one id; the deprecated v0 row
 * {@code /v0/registries/{registry_id}/repositories/<repository_path>} serves three ({@code getRepository|getImages|getImage})
 * and the path tells which, read from the right like the handler does: {@code .../images} lists images,
 * {@code .../images/<ref>} is one image, anything else is the repository.
 */
final class OperationNames {
    private OperationNames() {}

    static String precise(Operation op, String path) {
        String id = op.operationId();
        if (id.indexOf('|') < 0) return id;
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String wanted = p.endsWith("/images") ? "Images" : p.contains("/images/") ? "Image" : "Repository";
        for (String candidate : id.split("\\|")) {
            if (candidate.endsWith(wanted)) return candidate;
        }
        return id.split("\\|")[0];
    }
}
