package dev.listcast.bench.fanout;

/** Puts one event onto a server under test. */
public interface Publisher extends AutoCloseable {
    void publish(long itemId, byte[] body) throws Exception;

    /** Publishes that failed after {@link #publish} returned (asynchronous sends). */
    long failures();
}
