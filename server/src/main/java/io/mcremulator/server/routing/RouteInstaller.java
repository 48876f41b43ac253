package io.mcremulator.server.routing;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
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

    /**
     * A row's handler, picked from the {@link Handlers} on the row's first request instead of at start: picking it
     * creates the row's method reference and its pipeline's wrapper, and doing that for every row spun ~90 lambda
     * classes before the first answer (bench/notes.md, change 20). Picking is free of side effects, so two requests
     * racing on the first call at worst pick two equal handlers.
     */
    private static final class PickedOnFirstCall implements Handler {
        private final Route route;
        private final Handlers handlers;
        private volatile Handler picked;

        PickedOnFirstCall(Route route, Handlers handlers) {
            this.route = route;
            this.handlers = handlers;
        }

        @Override
        public void handle(Context ctx) throws Exception {
            Handler h = picked;
            if (h == null) {
                h = route.handler().apply(handlers);
                picked = h;
            }
            h.handle(ctx);
        }
    }

    public static void install(JavalinConfig config, List<Route> routes, Handlers handlers) {
        Set<String> explicit = new HashSet<>();
        for (Route route : routes) {
            Operation op = route.operation();
            for (String path : op.servedPaths()) explicit.add(op.method() + " " + path);
        }
        for (Route route : routes) {
            Operation op = route.operation();
            Handler handler = new PickedOnFirstCall(route, handlers);
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
