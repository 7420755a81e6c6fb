package dev.listcast.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Test-only remote control on loopback ({@code LISTCAST_DEV_CONTROL=true}): lets the browser tests restart the
 * edge to prove a page resumes with no gap. Never on by default.
 */
final class ControlServer implements AutoCloseable {
    private final HttpServer server;

    private ControlServer(HttpServer server) {
        this.server = server;
    }

    static ControlServer start(Runnable restartEdge) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/edge/restart", exchange -> {
                if (!"POST".equals(exchange.getRequestMethod())) {
                    respond(exchange, 405, "POST only");
                    return;
                }
                try {
                    restartEdge.run();
                    respond(exchange, 200, "restarted");
                } catch (RuntimeException e) {
                    respond(exchange, 500, e.toString());
                }
            });
            server.start();
            return new ControlServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the devstack control server", e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
