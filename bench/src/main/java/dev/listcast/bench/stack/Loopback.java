package dev.listcast.bench.stack;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * The bench opens thousands of connections and inserts rows as fast as asked: it only ever targets this machine,
 * so a typo in an endpoints file can never turn it into a load generator against someone else's server.
 */
public final class Loopback {
    private Loopback() {
    }

    /** Resolves {@code host:port}, refusing anything that is not a loopback address. */
    public static InetSocketAddress require(String what, String host, int port) {
        try {
            InetAddress address = InetAddress.getByName(host);
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("refusing to load " + what + " at " + host + " (" + address
                        + "): the bench only targets loopback addresses (127.0.0.0/8, ::1)");
            }
            return new InetSocketAddress(address, port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve " + what + " host '" + host + "'", e);
        }
    }

    /** Checks every {@code host:port} of a comma-separated Kafka bootstrap list. */
    public static void requireBootstrap(String bootstrap) {
        for (String server : bootstrap.split(",")) {
            int colon = server.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("not host:port in kafka bootstrap: '" + server + "'");
            }
            require("kafka", server.substring(0, colon).strip(), Integer.parseInt(server.substring(colon + 1).strip()));
        }
    }
}
