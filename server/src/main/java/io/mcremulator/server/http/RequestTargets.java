package io.mcremulator.server.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * The server's HTTP/1.1 connector, whose connections remember the raw request-target of the request they are parsing.
 * When Jetty refuses a request whose target it cannot parse (a malformed percent-escape, a control character, a target
 * too long), the request it hands to the error handler has a placeholder path ({@code /badMessage}); the raw target
 * still tells that it was for {@code /v2}, so the refusal is answered in the OCI format. When the parser fails before
 * it has the whole target, the start of the request line (peeked before parsing) tells.
 */
public final class RequestTargets {
    private static final String PLACEHOLDER_PATH = "/badMessage";
    private static final String PLACEHOLDER_URI = "/badURI";
    /** Enough of a target to tell its plane ({@code http://host:port/v2/...}). */
    private static final int PEEK_LIMIT = 128;

    private RequestTargets() {}

    public static ServerConnector connector(Server server, HttpConfiguration http, String host, int port) {
        ServerConnector connector = new ServerConnector(server, new RecordingFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    /** The path a request was sent to: its parsed path, or the raw target when Jetty could not parse it. */
    static String path(Request request) {
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        if (path != null && !path.equals(PLACEHOLDER_PATH) && !path.equals(PLACEHOLDER_URI)) return path;
        if (!(request.getConnectionMetaData().getConnection() instanceof RecordingConnection c)
                || (c.target == null && c.peeked == null)) return path;
        String target = c.target != null ? c.target : c.peeked;
        int scheme = target.startsWith("/") ? -1 : target.indexOf("://"); // absolute-form: http://host/v2/...
        if (scheme > 0) { // (a path may hold "://" too: /v2/x/blobs/uploads/sha256://...)
            int slash = target.indexOf('/', scheme + 3);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    private static final class RecordingFactory extends HttpConnectionFactory {
        RecordingFactory(HttpConfiguration http) {
            super(http);
        }

        @Override
        public Connection newConnection(Connector connector, EndPoint endPoint) {
            HttpConnection connection = new RecordingConnection(getHttpConfiguration(), connector, endPoint);
            connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
            connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
            return configure(connection, connector, endPoint);
        }
    }

    private static final class RecordingConnection extends HttpConnection {
        /** Written and read by the thread that parses the connection's current request. */
        private volatile String target;

        private volatile String peeked;

        /** Set from the super constructor, before {@link #newHttpParser}; so no initializer. */
        private RequestHandler handler;

        RecordingConnection(HttpConfiguration http, Connector connector, EndPoint endPoint) {
            super(http, connector, endPoint);
        }

        @Override
        protected RequestHandler newRequestHandler() {
            handler = new RequestHandler() {
                @Override
                public void messageBegin() {
                    target = null;
                    super.messageBegin();
                }

                @Override
                public void startRequest(String method, String uri, HttpVersion version) {
                    target = uri;
                    super.startRequest(method, uri, version);
                }
            };
            return handler;
        }

        /** Jetty's parser (as {@code HttpConnection} makes it) that first peeks at the start of each request line. */
        @Override
        protected HttpParser newHttpParser(HttpCompliance compliance) {
            HttpConfiguration http = getHttpConfiguration();
            HttpParser parser = new HttpParser(handler, http.getRequestHeaderSize(), compliance) {
                @Override
                public boolean parseNext(ByteBuffer buffer) {
                    if (isStart()) peeked = targetStart(buffer);
                    return super.parseNext(buffer);
                }
            };
            parser.setHeaderCacheSize(http.getHeaderCacheSize());
            parser.setHeaderCacheCaseSensitive(http.isHeaderCacheCaseSensitive());
            return parser;
        }
    }

    /** The first characters of the request-target in {@code buffer} (not consumed), or null. */
    static String targetStart(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        StringBuilder out = new StringBuilder();
        int spaces = 0;
        while (b.hasRemaining() && out.length() < PEEK_LIMIT) {
            char c = (char) (b.get() & 0xff);
            if (c == '\r' || c == '\n') {
                if (spaces == 0 && out.isEmpty()) continue; // blank lines before a request are allowed
                break;
            }
            if (c == ' ') {
                if (spaces++ == 1) break;
                continue;
            }
            if (spaces == 1) out.append(c);
        }
        return out.isEmpty() ? null : out.toString();
    }
}
