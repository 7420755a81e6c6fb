package dev.listcast.edge.stream;

import dev.listcast.edge.fanout.Subscriber;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The stream port: one selector thread for every stream socket. It accepts, reads request heads (handing each
 * complete one to the opener on a virtual thread of its own, which may wait for Kafka to replay history), notices
 * clients that hang up, and finishes writes that a socket could not take at once. Listings and pings are written by
 * the fan-out's own thread (see {@link SseConnection}).
 *
 * <p>Helidon's connections each hold a virtual thread and its read buffer for as long as a stream is open (~23 KiB
 * per idle stream in {@code bench fanout}); a stream here holds a socket and a few small objects.
 */
final class StreamListener implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(StreamListener.class.getName());
    /** How long an ending stream may take to accept its final frame before it is closed anyway. */
    private static final Duration ENDING_GRACE = Duration.ofSeconds(5);
    /** How long accepting pauses when the process is out of file descriptors. */
    private static final long ACCEPT_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long SELECT_MILLIS = 250;

    private final StreamSettings settings;
    private final int queueCapacity;
    private final BiConsumer<SseConnection, RequestHead> opener;
    private final Consumer<Subscriber> leave;
    private final ScheduledExecutorService timers;
    private final ServerSocketChannel server;
    private final Selector selector;
    private final SelectionKey acceptKey;
    private final ExecutorService openers = Executors.newVirtualThreadPerTaskExecutor();
    /** Connections still sending their head, oldest first: their deadlines come in the same order. */
    private final ArrayDeque<HeadDeadline> heads = new ArrayDeque<>();
    private final ByteBuffer scratch = ByteBuffer.allocate(512);
    private final Thread loop;
    private long acceptPausedUntil;
    private volatile boolean running = true;

    private record HeadDeadline(SseConnection connection, long nanos) {
    }

    /**
     * @param opener answers a complete request head (on a virtual thread)
     * @param leave takes a closed connection's stream out of the fan-out
     */
    StreamListener(StreamSettings settings, int queueCapacity, BiConsumer<SseConnection, RequestHead> opener,
            Consumer<Subscriber> leave, ScheduledExecutorService timers) throws IOException {
        this.settings = settings;
        this.queueCapacity = queueCapacity;
        this.opener = opener;
        this.leave = leave;
        this.timers = timers;
        this.selector = Selector.open();
        this.server = ServerSocketChannel.open();
        try {
            server.bind(new InetSocketAddress(settings.host(), settings.port()), 1024);
            server.configureBlocking(false);
            acceptKey = server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            server.close();
            selector.close();
            throw new IOException("cannot listen for streams on " + settings.host() + ":" + settings.port()
                    + " (listcast.stream.host, listcast.stream.port)", e);
        }
        this.loop = Thread.ofPlatform().name("listcast-stream-io").daemon().start(this::run);
    }

    int port() {
        try {
            return ((InetSocketAddress) server.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets what {@code key}'s socket waits for; wakes the selector when it must now watch for writability. */
    void interest(SelectionKey key, int ops) {
        try {
            if (key.interestOps() != ops) {
                key.interestOps(ops);
                if ((ops & SelectionKey.OP_WRITE) != 0 && Thread.currentThread() != loop) {
                    selector.wakeup();
                }
            }
        } catch (CancelledKeyException closed) {
            // the connection closed meanwhile
        }
    }

    /** Closes {@code connection} after the grace an ending stream gets for its final frame. */
    Future<?> closeLater(SseConnection connection) {
        return timers.schedule(connection::close, ENDING_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Called once per connection, after its socket closed. */
    void closed(SseConnection connection) {
        Subscriber subscriber = connection.subscriber();
        if (subscriber != null) {
            leave.accept(subscriber);
        }
    }

    private void run() {
        while (running) {
            try {
                selector.select(this::ready, SELECT_MILLIS);
                sweep(System.nanoTime());
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "stream listener: " + e);
            }
        }
    }

    private void ready(SelectionKey key) {
        if (key == acceptKey) {
            accept();
            return;
        }
        SseConnection connection = (SseConnection) key.attachment();
        if (key.isReadable()) {
            RequestHead head = connection.readable(scratch);
            if (head != null) {
                openers.execute(() -> opener.accept(connection, head));
            }
        }
        if (key.isValid() && key.isWritable()) {
            connection.writable();
        }
    }

    private void accept() {
        while (true) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                // Most likely out of file descriptors: stop accepting for a moment rather than spin on it.
                LOG.log(Level.WARNING, "cannot accept streams for " + ACCEPT_PAUSE_NANOS / 1_000_000 + " ms: " + e);
                acceptKey.interestOps(0);
                acceptPausedUntil = System.nanoTime() + ACCEPT_PAUSE_NANOS;
                return;
            }
            if (channel == null) {
                return;
            }
            SseConnection connection = new SseConnection(channel, this, queueCapacity);
            try {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.setOption(StandardSocketOptions.SO_SNDBUF, settings.sendBufferBytes());
                connection.registered(channel.register(selector, SelectionKey.OP_READ, connection));
                heads.addLast(new HeadDeadline(connection, System.nanoTime() + settings.headTimeout().toNanos()));
            } catch (IOException e) {
                connection.close();
            }
        }
    }

    /** Closes clients that did not send their head in time; resumes accepting after a pause. */
    private void sweep(long now) {
        while (!heads.isEmpty() && (!heads.peekFirst().connection().readingHead()
                || now - heads.peekFirst().nanos() >= 0)) {
            SseConnection connection = heads.pollFirst().connection();
            if (connection.readingHead()) {
                connection.close();
            }
        }
        if (acceptKey.interestOps() == 0 && now - acceptPausedUntil >= 0) {
            acceptKey.interestOps(SelectionKey.OP_ACCEPT);
        }
    }

    /** Stops accepting and closes every stream socket still open (the fan-out has ended their streams). */
    @Override
    public void close() throws InterruptedException {
        running = false;
        selector.wakeup();
        loop.join(TimeUnit.SECONDS.toMillis(5));
        openers.shutdownNow();
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof SseConnection connection) {
                connection.close();
            }
        }
        try {
            server.close();
            selector.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing the stream listener: " + e);
        }
    }
}
