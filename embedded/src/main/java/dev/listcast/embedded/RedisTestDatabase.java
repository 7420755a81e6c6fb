package dev.listcast.embedded;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real Redis server on 127.0.0.1:6379, one database number per test class so tests never see each other's
 * streams; emptied before each test. Without a reachable server each test is skipped (reported as skipped, with
 * the reason), never passed. Shared by the Redis bus tests of every module, as a JUnit extension:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RedisTestDatabase REDIS = RedisTestDatabase.open(8);   // flushed before each test, closed after all
 * }</pre>
 */
public final class RedisTestDatabase implements AutoCloseable, BeforeEachCallback, AfterAllCallback {
    private final String url;
    private final RedisClient client;
    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final String unavailable;

    private RedisTestDatabase(String url, RedisClient client, StatefulRedisConnection<byte[], byte[]> connection,
            String unavailable) {
        this.url = url;
        this.client = client;
        this.connection = connection;
        this.unavailable = unavailable;
    }

    /** Connects to database {@code number}; when Redis is not there, {@link #flush} skips every test. */
    public static RedisTestDatabase open(int number) {
        String url = "redis://127.0.0.1:6379/" + number;
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(Duration.ofSeconds(5));
        RedisClient client = RedisClient.create(uri);
        try {
            return new RedisTestDatabase(url, client, client.connect(ByteArrayCodec.INSTANCE), null);
        } catch (RuntimeException e) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            return new RedisTestDatabase(url, null, null,
                    "no Redis server at " + url + " (" + e.getMessage() + "): Redis tests skipped");
        }
    }

    public String url() {
        return url;
    }

    public StatefulRedisConnection<byte[], byte[]> connection() {
        return connection;
    }

    /** Empties the database before a test, or skips the test when Redis is not there. */
    public void flush() {
        Assumptions.assumeTrue(connection != null, unavailable);
        connection.sync().flushdb();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        flush();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
