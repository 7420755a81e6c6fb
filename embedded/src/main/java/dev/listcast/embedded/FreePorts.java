package dev.listcast.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks loopback ports for the in-process servers (a KRaft controller cannot listen on port 0). */
public final class FreePorts {
    private FreePorts() {
    }

    /** Returns {@code preferred} when positive, otherwise a port free right now. */
    public static int pick(int preferred) {
        if (preferred > 0) {
            return preferred;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
