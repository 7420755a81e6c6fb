package dev.listcast.processor.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Removes the consumers of the group that are gone, so that names of dead processes do not pile up in the group
 * across restarts. A consumer is gone when it holds no pending entry (what a dead one held was claimed) and is one
 * of this process's own stopped workers or was idle for the claim time.
 *
 * <p>One Lua script checks and deletes: {@code XGROUP DELCONSUMER} drops the consumer's pending entries with it, so
 * no read may slip between the check and the delete. A live worker may be removed too (Redis 7.0 counts only reads
 * that return entries as activity), which costs nothing: it holds nothing, and its next such read creates it again.
 */
final class GoneConsumers {
    // KEYS: 1 stream. ARGV: 1 group, 2 idle ms beyond which another process's consumer is gone, 3... own names.
    private static final String SOURCE = """
            local own = {}
            for i = 3, #ARGV do own[ARGV[i]] = true end
            local removed = 0
            for _, consumer in ipairs(redis.call('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])) do
              local field = {}
              for i = 1, #consumer, 2 do field[consumer[i]] = consumer[i + 1] end
              if field['pending'] == 0 and (own[field['name']] or field['idle'] >= tonumber(ARGV[2])) then
                redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], field['name'])
                removed = removed + 1
              end
            end
            return removed
            """;

    private GoneConsumers() {
    }

    /** Removes the gone consumers of {@code group} on {@code stream}; returns how many. */
    static long remove(RedisCommands<byte[], byte[]> redis, String stream, String group, Duration idle,
            Collection<String> own) {
        List<byte[]> args = new ArrayList<>(List.of(StreamEntry.bytes(group),
                StreamEntry.bytes(Long.toString(idle.toMillis()))));
        own.forEach(name -> args.add(StreamEntry.bytes(name)));
        return redis.eval(SOURCE, ScriptOutputType.INTEGER, new byte[][] {StreamEntry.bytes(stream)},
                args.toArray(byte[][]::new));
    }
}
