package dev.listcast.processor.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link Route.Write} and acknowledges its input entry in one Lua script, so Redis runs dedupe, output and
 * acknowledgement as one step: a worker that dies before the script leaves the entry pending (another worker
 * claims it and writes the output), one that dies after it has nothing left to do; neither loses nor repeats.
 * The script issues XADD before any write, so a failing XADD (a key of the wrong type) changes nothing. Its keys
 * span hash slots: one Redis server (or a replicated pair), not Redis Cluster.
 */
final class OutputScript {
    // KEYS: 1 marker, 2 output stream, 3 input stream.
    // ARGV: 1 group, 2 input entry id, 3 marker ttl in seconds, 4 output maxlen (0: untrimmed), 5... output fields.
    private static final String SOURCE = """
            local written = 0
            if redis.call('EXISTS', KEYS[1]) == 0 then
              if ARGV[4] == '0' then
                redis.call('XADD', KEYS[2], '*', unpack(ARGV, 5))
              else
                redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[4], '*', unpack(ARGV, 5))
              end
              redis.call('SET', KEYS[1], '1', 'EX', ARGV[3])
              written = 1
            end
            redis.call('XACK', KEYS[3], ARGV[1], ARGV[2])
            return written
            """;

    private final String digest;
    private final byte[] input;
    private final byte[] group;
    private final byte[] ttlSeconds;
    private final byte[] maxLen;

    /** Loads the script into Redis' script cache (it is loaded again should Redis forget it). */
    OutputScript(RedisCommands<byte[], byte[]> redis, String input, String group, Duration ttl, long maxLen) {
        this.digest = redis.scriptLoad(SOURCE);
        this.input = StreamEntry.bytes(input);
        this.group = StreamEntry.bytes(group);
        this.ttlSeconds = StreamEntry.bytes(Long.toString(ttl.toSeconds()));
        this.maxLen = StreamEntry.bytes(Long.toString(maxLen));
    }

    /** Runs the script; true when the output was written, false when its marker showed it already was. */
    boolean write(RedisCommands<byte[], byte[]> redis, String entryId, Route.Write write) {
        byte[][] keys = {StreamEntry.bytes(write.marker()), StreamEntry.bytes(write.stream()), input};
        List<byte[]> args = new ArrayList<>(List.of(group, StreamEntry.bytes(entryId), ttlSeconds, maxLen));
        args.addAll(StreamEntry.fields(write.key(), write.value(), write.traceparent()));
        byte[][] values = args.toArray(byte[][]::new);
        Long written;
        try {
            written = redis.evalsha(digest, ScriptOutputType.INTEGER, keys, values);
        } catch (RedisNoScriptException e) {
            // Redis restarted or SCRIPT FLUSH ran: EVAL runs the source and caches it again.
            written = redis.eval(SOURCE, ScriptOutputType.INTEGER, keys, values);
        }
        return written == 1L;
    }

    /** Acknowledges an entry that produces nothing. */
    void acknowledge(RedisCommands<byte[], byte[]> redis, String entryId) {
        redis.xack(input, group, entryId);
    }
}
