package dev.listcast.bench.sse;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Spreads client sockets over 127.0.0.2 .. 127.0.0.250: one source address has ~28k ephemeral ports, and the
 * kernel keeps closed ones in TIME_WAIT, so repeated runs of ~19,500 connections from one address run dry.
 */
public final class SourceAddresses {
    private static final int FIRST = 2;
    private static final int COUNT = 249;

    private SourceAddresses() {
    }

    /** The local address (port chosen by the kernel) for connection number {@code connection}. */
    public static InetSocketAddress forConnection(int connection) {
        if (connection < 0) {
            throw new IllegalArgumentException("negative connection number: " + connection);
        }
        int last = FIRST + connection % COUNT;
        try {
            return new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last}), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("127.0.0." + last, e);
        }
    }
}
