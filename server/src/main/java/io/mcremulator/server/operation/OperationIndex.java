package io.mcremulator.server.operation;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the {@link Operation} row behind a Javalin endpoint (method and path pattern as registered), so that the
 * control plane's journal and faults hook in once, for every row of the route table (management, OCI and control
 * alike), without each handler knowing about them. Built from the route table before any handler exists.
 */
public final class OperationIndex {
    private final List<Operation> operations;
    private final Map<String, Operation> byEndpoint = new HashMap<>();

    public OperationIndex(List<Operation> operations) {
        this.operations = List.copyOf(operations);
        for (Operation op : operations) {
            for (String path : op.servedPaths()) byEndpoint.putIfAbsent(key(op.method(), path), op);
        }
        // HEAD of a GET route without its own HEAD row runs the GET handler (see routing.RouteTable).
        for (Operation op : operations) {
            if (!op.method().equals("GET")) continue;
            for (String path : op.servedPaths()) byEndpoint.putIfAbsent(key("HEAD", path), op);
        }
    }

    public Optional<Operation> find(String method, String endpointPath) {
        return Optional.ofNullable(byEndpoint.get(key(method, endpointPath)));
    }

    /** A row whose operationId (or one of its '|'-separated ids) is {@code id}. */
    public Optional<Operation> byOperationId(String id) {
        return operations.stream()
                .filter(op -> op.operationId().equals(id) || op.operationIds().contains(id))
                .findFirst();
    }

    public List<Operation> operations() {
        return operations;
    }

    private static String key(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }
}
