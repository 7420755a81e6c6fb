package dev.listcast.cdc.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.listcast.embedded.RedisTestDatabase;
import dev.listcast.events.BusRecord;
import dev.listcast.events.Topics;
import dev.listcast.events.TraceParent;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisBusPublisherTest {
    private static final String GROUP = "listcast-processor";
    @RegisterExtension
    static final RedisTestDatabase redis = RedisTestDatabase.open(8);

    @Test
    void shouldPublishEntryWithKeyValueAndHeaders() {
        String traceparent = TraceParent.newRoot().toString();
        byte[] value = {0, (byte) 0xff, '{', '}'};
        try (RedisBusPublisher bus = RedisBusPublisher.create(settings(0))) {
            bus.publish(new BusRecord(Topics.ITEM_CHANGES, "42", value, Map.of(TraceParent.HEADER, traceparent)))
                    .join();
        }

        assertThat(entries(Topics.ITEM_CHANGES)).singleElement().satisfies(fields -> {
            assertThat(fields).containsOnlyKeys("key", "value", TraceParent.HEADER);
            assertThat(fields.get("key")).asString(StandardCharsets.UTF_8).isEqualTo("42");
            assertThat(fields.get("value")).isEqualTo(value);
            assertThat(fields.get(TraceParent.HEADER)).asString(StandardCharsets.UTF_8).isEqualTo(traceparent);
        });
    }

    @Test
    void shouldCreateProcessorGroupOnItemChangesIdempotently() {
        try (RedisBusPublisher bus = RedisBusPublisher.create(settings(0))) {
            bus.ensureTopic(Topics.ITEM_CHANGES, 3, false);
            bus.ensureTopic(Topics.ITEM_CHANGES, 3, false);
        }

        List<Object> groups = redis.connection().sync().xinfoGroups(bytes(Topics.ITEM_CHANGES));
        assertThat(groups).singleElement().satisfies(group -> assertThat(text(group)).contains("name=" + GROUP));
    }

    @Test
    void shouldTrimStreamsButNotCompactedOnes() {
        try (RedisBusPublisher bus = RedisBusPublisher.create(settings(10))) {
            bus.ensureTopic(Topics.SELLER_CHANGES, 3, true);
            CompletableFuture<?>[] sent = new CompletableFuture<?>[1000];
            for (int i = 0; i < sent.length; i += 2) {
                sent[i] = bus.publish(record(Topics.ITEM_CHANGES, i));
                sent[i + 1] = bus.publish(record(Topics.SELLER_CHANGES, i));
            }
            CompletableFuture.allOf(sent).join();
        }

        assertThat(redis.connection().sync().xlen(bytes(Topics.ITEM_CHANGES))).isLessThan(500);
        assertThat(redis.connection().sync().xlen(bytes(Topics.SELLER_CHANGES))).isEqualTo(500);
    }

    private static RedisBusSettings settings(long maxLen) {
        return new RedisBusSettings(redis.url(), GROUP, maxLen);
    }

    private static BusRecord record(String topic, int key) {
        return new BusRecord(topic, Integer.toString(key), new byte[] {1},
                Map.of(TraceParent.HEADER, TraceParent.newRoot().toString()));
    }

    private static List<Map<String, byte[]>> entries(String stream) {
        List<StreamMessage<byte[], byte[]>> messages = redis.connection().sync().xrange(bytes(stream),
                Range.create("-", "+"));
        return messages.stream().map(message -> {
            Map<String, byte[]> fields = new HashMap<>();
            message.getBody().forEach((name, value) -> fields.put(new String(name, StandardCharsets.UTF_8), value));
            return fields;
        }).toList();
    }

    /** XINFO answers as nested lists of byte arrays: as "[name=..., consumers=..., ...]". */
    private static String text(Object reply) {
        List<?> pairs = (List<?>) reply;
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
            text.append(i == 0 ? "" : ", ").append(string(pairs.get(i))).append('=').append(string(pairs.get(i + 1)));
        }
        return text.append(']').toString();
    }

    private static String string(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
