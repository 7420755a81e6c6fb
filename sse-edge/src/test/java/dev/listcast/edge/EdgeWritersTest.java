package dev.listcast.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.listcast.events.ListingEvent;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Several writer threads fan an event out to real stream sockets: everyone gets every listing, once, in order. */
class EdgeWritersTest {
    @RegisterExtension
    static final EdgeExtension EDGE = EdgeExtension.with(Map.of("listcast.stream.writers", "3"), "books");

    /** Enough streams for three slices of at least 512 (FanOutWriters.MIN_SLICE) each. */
    private static final int STREAMS = 1_600;

    @Test
    void shouldDeliverEveryListingOnceAndInOrderToEveryStreamWhenThreeThreadsWrite() throws Exception {
        String kw = TestEdges.unique();
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < STREAMS; i++) {
                sockets.add(open(kw, TestEdges.unique()));
            }
            EDGE.awaitConnections(STREAMS);
            ListingEvent first = TestListings.listing("books", kw + " first", "", 100);
            ListingEvent second = TestListings.listing("books", kw + " second", "", 200);
            TestListings.produce(first, second);

            for (Socket socket : sockets) {
                String stream = readUntil(socket.getInputStream(), second.eventId());
                assertThat(stream).startsWith("HTTP/1.1 200");
                List<String> listings = stream.lines().filter(line -> line.startsWith("data: {")).toList();
                assertThat(listings).hasSize(2);
                assertThat(listings.get(0)).contains(first.eventId());
                assertThat(listings.get(1)).contains(second.eventId());
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    private static Socket open(String kw, String user) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", EDGE.streamPort()));
        socket.setSoTimeout((int) EdgeExtension.WAIT.toMillis());
        socket.getOutputStream().write(("GET /api/listings/stream?q=" + kw + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Accept: text/event-stream\r\nAuthorization: " + Http.bearer(TestEdges.token(user)) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    /** What the stream sent up to the end of the frame carrying {@code eventId}. */
    private static String readUntil(InputStream in, String eventId) throws IOException {
        StringBuilder read = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (true) {
            int end = read.indexOf(eventId);
            if (end >= 0 && read.indexOf("\n\n", end) >= 0) {
                return read.toString();
            }
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("stream ended before " + eventId + ": " + read);
            }
            read.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
    }
}
