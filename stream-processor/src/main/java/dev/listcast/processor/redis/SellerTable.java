package dev.listcast.processor.redis;

import dev.listcast.events.ListingCodecException;
import dev.listcast.events.ListingJson;
import dev.listcast.events.SellerChange;
import dev.listcast.events.SellerRow;
import dev.listcast.events.Topics;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sellers, in memory: {@code market.sellers.changes} read from its first entry, then tailed; the last change
 * per seller wins, as in the Kafka runner's sellers table. {@link #start} returns once the table has caught up
 * with the stream, so the first listings already find the sellers that existed.
 */
final class SellerTable implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SellerTable.class.getName());
    /** Sellers read per round trip while catching up and tailing. */
    private static final int READ_COUNT = 1000;
    private static final byte[] STREAM = StreamEntry.bytes(Topics.SELLER_CHANGES);

    private final Map<Long, SellerRow> sellers = new ConcurrentHashMap<>();
    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final Duration block;
    private final Thread tail;
    private volatile boolean running = true;
    private String lastId = "0-0";

    private SellerTable(StatefulRedisConnection<byte[], byte[]> connection, Duration block) {
        this.connection = connection;
        this.block = block;
        this.tail = new Thread(this::tail, "listcast-redis-sellers");
        this.tail.setDaemon(true);
    }

    /** Reads every seller change there is, then keeps tailing on a thread of its own until closed. */
    static SellerTable start(RedisClient client, Duration block) {
        SellerTable table = new SellerTable(client.connect(ByteArrayCodec.INSTANCE), block);
        while (table.read(XReadArgs.Builder.count(READ_COUNT)) > 0) {
            // Catching up: a read without BLOCK returns nothing once the table has everything.
        }
        LOG.info(() -> "sellers table caught up with " + Topics.SELLER_CHANGES + ": " + table.sellers.size()
                + " sellers");
        table.tail.start();
        return table;
    }

    /** The seller's last known row, null when unknown or deleted. */
    SellerRow get(long sellerId) {
        return sellers.get(sellerId);
    }

    @Override
    public void close() {
        running = false;
        try {
            tail.join(block.toMillis() * 5 + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
    }

    private void tail() {
        while (running) {
            try {
                read(XReadArgs.Builder.block(block).count(READ_COUNT));
            } catch (RedisException e) {
                if (running) {
                    LOG.log(Level.WARNING, "cannot read " + Topics.SELLER_CHANGES + "; retrying", e);
                    pause();
                }
            }
        }
    }

    private int read(XReadArgs args) {
        List<StreamMessage<byte[], byte[]>> messages = connection.sync().xread(args, StreamOffset.from(STREAM, lastId));
        for (StreamMessage<byte[], byte[]> message : messages) {
            apply(StreamEntry.of(message));
            lastId = message.getId();
        }
        return messages.size();
    }

    private void apply(StreamEntry entry) {
        try {
            SellerChange change = ListingJson.sellerChange(entry.value());
            if (change.after() == null) {
                sellers.remove(change.sellerId());
            } else {
                sellers.put(change.sellerId(), change.after());
            }
        } catch (ListingCodecException e) {
            // As the Kafka runner's lenient table: a junk change reads as a deleted seller, never stops the table.
            LOG.warning(() -> "unreadable seller change " + entry.id() + " (key " + entry.key() + "): "
                    + e.getMessage());
            sellerId(entry.key()).ifPresent(sellers::remove);
        }
    }

    private static Optional<Long> sellerId(String key) {
        try {
            return key == null ? Optional.empty() : Optional.of(Long.parseLong(key));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void pause() {
        try {
            Thread.sleep(block.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
