package io.mcremulator.server.routing;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.mcremulator.server.operation.Operation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Registers the rows of the {@link RouteTable} as Javalin endpoints, each under every path it is served at. */
public final class RouteInstaller {
    private RouteInstaller() {}

    public static void install(JavalinConfig config, List<Route> routes, Handlers handlers) {
        Set<String> explicit = new HashSet<>();
        for (Route route : routes) {
            Operation op = route.operation();
            for (String path : op.servedPaths()) explicit.add(op.method() + " " + path);
        }
        for (Route route : routes) {
            Operation op = route.operation();
            Handler handler = route.handler().apply(handlers);
            for (String path : op.servedPaths()) {
                config.routes.addEndpoint(new Endpoint(HandlerType.findOrCreate(op.method()), path, handler));
                // Javalin would answer HEAD of a GET route itself (200, no auth): run the GET handler instead, so HEAD
                // gets the same status and headers as GET, without the body.
                if (op.method().equals("GET") && !explicit.contains("HEAD " + path)) {
                    config.routes.addEndpoint(new Endpoint(HandlerType.HEAD, path, handler));
                }
            }
        }
    }
}
