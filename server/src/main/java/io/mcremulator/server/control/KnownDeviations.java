package io.mcremulator.server.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the emulator knowingly answers otherwise than the contract documents, per operationId, given the server's
 * settings. Shown by {@code GET /_emulator/operations}; each entry says which setting changes it, when one does.
 */
final class KnownDeviations {
    private final Map<String, List<String>> byOperation;

    KnownDeviations(int getRepositoryStatus) {
        List<String> getRepository = getRepositoryStatus == 200
                ? List.of(
                        "the spec documents 201 for this GET; the emulator answers 200, as real clients accept any 2xx "
                                + "(server setting getRepositoryStatus / --get-repository-status 201 answers 201)")
                : List.of();
        String conflict =
                "the spec defines no 409 response; a duplicate name is answered 409 conflict (the spec's ConflictError schema)";
        byOperation = Map.of(
                "getRepository", getRepository,
                "getRepositoryV1", getRepository,
                "createRegistry", List.of(conflict),
                "createProxyCache", List.of(conflict),
                "updateProxyCache", List.of(conflict),
                "addRegistryMember",
                        List.of("the spec defines no 409 response; a user that is already a member is answered 409"
                                + " conflict (the spec's ConflictError schema)"));
    }

    List<String> of(String operationId) {
        List<String> out = new ArrayList<>();
        for (String id : operationId.split("\\|")) out.addAll(byOperation.getOrDefault(id, List.of()));
        return out;
    }
}
