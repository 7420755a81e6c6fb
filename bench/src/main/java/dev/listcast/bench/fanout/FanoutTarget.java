package dev.listcast.bench.fanout;

import dev.listcast.bench.load.SseRequest;
import dev.listcast.bench.stack.EdgeAccess;
import dev.listcast.bench.stack.Loopback;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;

/** A server the fan-out scenario loads: where subscribers connect, how events are published, which pids to meter. */
interface FanoutTarget extends AutoCloseable {
    String name();

    InetSocketAddress address();

    /** The stream request of {@code subscriber}; {@code channel} is fresh per round. */
    byte[] request(int subscriber, String channel);

    Publisher publisher(String channel);

    List<Long> pids() throws IOException;

    /**
     * The Listcast edge: one token per subscriber, events published onto {@code listings.other}.
     *
     * @param name {@code listcast}, or {@code listcast (N writers)} when a run compares writer threads
     * @param owner stops the edge if the bench started it (a standalone edge), else does nothing
     */
    record Listcast(String name, EdgeAccess edge, String kafkaBootstrap, long pid, AutoCloseable owner)
            implements FanoutTarget {
        public Listcast {
            Loopback.requireBootstrap(kafkaBootstrap);
        }

        @Override
        public InetSocketAddress address() {
            return edge.server();
        }

        @Override
        public byte[] request(int subscriber, String channel) {
            return SseRequest.get(edge.server(), "/api/listings/stream", edge.token("bench-" + subscriber));
        }

        @Override
        public Publisher publisher(String channel) {
            return new KafkaListingPublisher(kafkaBootstrap);
        }

        @Override
        public List<Long> pids() {
            return List.of(pid);
        }

        @Override
        public void close() throws Exception {
            owner.close();
        }
    }

    /** nginx + nchan started by the bench; each round uses its own channel. */
    record Nchan(NginxServer nginx) implements FanoutTarget {
        @Override
        public String name() {
            return "nchan";
        }

        @Override
        public InetSocketAddress address() {
            return nginx.address();
        }

        @Override
        public byte[] request(int subscriber, String channel) {
            return SseRequest.get(nginx.address(), "/sub?c=" + channel, null);
        }

        @Override
        public Publisher publisher(String channel) {
            InetSocketAddress a = nginx.address();
            return new NchanPublisher(URI.create("http://" + a.getHostString() + ":" + a.getPort() + "/pub?c=" + channel));
        }

        @Override
        public List<Long> pids() throws IOException {
            return nginx.pids();
        }

        @Override
        public void close() throws InterruptedException {
            nginx.close();
        }
    }
}
