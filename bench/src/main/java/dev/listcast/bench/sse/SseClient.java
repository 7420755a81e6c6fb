package dev.listcast.bench.sse;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A minimal non-blocking HTTP/1.1 SSE client that holds ~19,500 streams from one process on a couple of selector
 * threads: a thread per connection would cost the bench more memory and CPU than the servers it measures.
 *
 * <pre>{@code
 * try (SseClient client = new SseClient(server, i -> request.bytes(i), listener, 2)) {
 *     client.open(10_000, 256);
 * }
 * }</pre>
 */
public final class SseClient implements AutoCloseable {
    private final InetSocketAddress server;
    private final IntFunction<byte[]> requests;
    private final SseListener listener;
    private final List<Loop> loops = new ArrayList<>();
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private Semaphore pending = new Semaphore(0);

    public SseClient(InetSocketAddress server, IntFunction<byte[]> requests, SseListener listener, int threads)
            throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive: " + threads);
        }
        this.server = server;
        this.requests = requests;
        this.listener = listener;
        for (int t = 0; t < threads; t++) {
            Loop loop = new Loop(Selector.open());
            loops.add(loop);
            Thread thread = new Thread(loop, "sse-client-" + t);
            thread.setDaemon(true);
            loop.thread = thread;
            thread.start();
        }
    }

    /**
     * Opens connections {@code 0 .. count-1}, at most {@code maxPending} of them between connect and response head
     * at once (a burst of thousands of SYNs overflows the server's accept backlog). Returns once every connection
     * was attempted; {@link #opened()} and {@link #failed()} tell how they went.
     */
    public void open(int count, int maxPending) throws InterruptedException {
        pending = new Semaphore(maxPending);
        for (int i = 0; i < count; i++) {
            while (!pending.tryAcquire(1, TimeUnit.SECONDS)) {
                // every slow connect eventually fails or opens; keep waiting, the caller bounds the time
            }
            Loop loop = loops.get(i % loops.size());
            try {
                SocketChannel channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.bind(SourceAddresses.forConnection(i));
                channel.connect(server);
                loop.add(new Connection(i, channel, loop));
            } catch (IOException e) {
                pending.release();
                fail(i, "connect: " + e.getMessage());
            }
        }
    }

    public int opened() {
        return opened.get();
    }

    public int failed() {
        return failed.get();
    }

    @Override
    public void close() throws InterruptedException {
        for (Loop loop : loops) {
            loop.running = false;
            loop.selector.wakeup();
        }
        for (Loop loop : loops) {
            loop.thread.join(5_000);
            for (SelectionKey key : loop.selector.keys()) {
                closeQuietly(key.channel());
            }
            closeQuietly(loop.selector);
        }
    }

    private void fail(int connection, String reason) {
        failed.incrementAndGet();
        listener.failed(connection, reason);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing at the end of a run: nothing left to do about it
        }
    }

    /** One connection's decoding state; touched only by its loop's thread. */
    private final class Connection {
        final int index;
        final SocketChannel channel;
        final ByteBuffer request;
        final HttpResponseDecoder decoder;
        boolean holdsPermit = true;

        Connection(int index, SocketChannel channel, Loop loop) {
            this.index = index;
            this.channel = channel;
            this.request = ByteBuffer.wrap(requests.apply(index));
            SseFrameParser parser = new SseFrameParser(frame -> listener.frame(index, frame, loop.readNanos));
            this.decoder = new HttpResponseDecoder(parser::feed);
        }

        void releasePermit() {
            if (holdsPermit) {
                holdsPermit = false;
                pending.release();
            }
        }
    }

    private final class Loop implements Runnable {
        final Selector selector;
        final Queue<Connection> added = new ConcurrentLinkedQueue<>();
        final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        volatile boolean running = true;
        Thread thread;
        long readNanos;

        Loop(Selector selector) {
            this.selector = selector;
        }

        void add(Connection connection) {
            added.add(connection);
            selector.wakeup();
        }

        @Override
        public void run() {
            while (running) {
                try {
                    selector.select(250);
                    for (Connection c; (c = added.poll()) != null; ) {
                        // a loopback connect may complete at once, and then OP_CONNECT never fires
                        c.channel.register(selector,
                                c.channel.isConnected() ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, c);
                    }
                    for (SelectionKey key : selector.selectedKeys()) {
                        handle(key, (Connection) key.attachment());
                    }
                    selector.selectedKeys().clear();
                } catch (IOException e) {
                    throw new IllegalStateException("selector failed", e);
                }
            }
        }

        private void handle(SelectionKey key, Connection c) {
            try {
                if (!key.isValid()) {
                    return;
                }
                if (key.isConnectable() && c.channel.finishConnect()) {
                    key.interestOps(SelectionKey.OP_WRITE);
                }
                if (key.isValid() && key.isWritable()) {
                    c.channel.write(c.request);
                    if (!c.request.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                }
                if (key.isValid() && key.isReadable()) {
                    read(key, c);
                }
            } catch (IOException | RuntimeException e) {
                end(key, c, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }

        private void read(SelectionKey key, Connection c) throws IOException {
            while (true) {
                buffer.clear();
                int n = c.channel.read(buffer);
                if (n < 0) {
                    end(key, c, c.decoder.headComplete() ? "closed by server" : "closed before the response head");
                    return;
                }
                if (n == 0) {
                    return;
                }
                readNanos = System.nanoTime();
                boolean hadHead = c.decoder.headComplete();
                c.decoder.feed(buffer.array(), 0, n);
                if (!hadHead && c.decoder.headComplete()) {
                    c.releasePermit();
                    if (c.decoder.status() != 200) {
                        end(key, c, "HTTP " + c.decoder.status());
                        return;
                    }
                    opened.incrementAndGet();
                    listener.opened(c.index, readNanos);
                }
                if (c.decoder.done()) {
                    end(key, c, "stream ended");
                    return;
                }
            }
        }

        private void end(SelectionKey key, Connection c, String reason) {
            key.cancel();
            closeQuietly(c.channel);
            c.releasePermit();
            fail(c.index, reason);
        }
    }
}
