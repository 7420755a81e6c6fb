package dev.listcast.cdc;

import io.debezium.embedded.KafkaConnectUtil;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.runtime.standalone.StandaloneConfig;
import org.apache.kafka.connect.storage.FileOffsetBackingStore;

/**
 * Kafka Connect's file offset store, replaced crash-safely. {@link FileOffsetBackingStore} truncates its file and
 * writes it again on every commit, which with {@code offset.flush.interval.ms=0} is every batch; a kill -9 between
 * the truncate and the write leaves an empty file, which its loader takes for "no offsets yet", and with
 * {@code snapshot.mode=no_data} the engine would restart at the binlog's end and silently skip everything since.
 * Here each commit goes to a sibling file that is then renamed over the old one, so a reader sees the old offsets
 * or the new ones, never none. Same file format, so the parent still loads it.
 *
 * <p>Like the parent it does not fsync: a process crash keeps the page cache, and a machine crash may lose the
 * last commits, which only means replaying a few rows (at-least-once, deduplicated downstream).
 */
public final class AtomicFileOffsetBackingStore extends FileOffsetBackingStore {
    private Path file;

    /** Called by the engine, which instantiates offset stores by class name. */
    public AtomicFileOffsetBackingStore() {
        super(KafkaConnectUtil.converterForOffsetStore());
    }

    @Override
    public void configure(WorkerConfig config) {
        super.configure(config);
        file = Path.of(config.getString(StandaloneConfig.OFFSET_STORAGE_FILE_FILENAME_CONFIG));
    }

    @Override
    protected void save() {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        HashMap<byte[], byte[]> raw = new HashMap<>();
        for (Map.Entry<ByteBuffer, ByteBuffer> entry : data.entrySet()) {
            raw.put(bytes(entry.getKey()), bytes(entry.getValue()));
        }
        try {
            try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(next))) {
                out.writeObject(raw);
            }
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ConnectException("cannot save offsets to " + file, e);
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        return buffer == null ? null : buffer.array();
    }
}
