package io.mcremulator.junit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/** Whether a server started by the extension still listens: what the start and stop tests check. */
final class ServerProbe {
    private ServerProbe() {}

    static boolean listening(String baseUrl) {
        return listening(URI.create(baseUrl).getPort());
    }

    static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
