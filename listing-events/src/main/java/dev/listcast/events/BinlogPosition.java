package dev.listcast.events;

import static dev.listcast.events.Checks.checkArgument;
import static dev.listcast.events.Checks.checkNotNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a row change sits in the binlog: the file, the event's offset and the row's index inside that event
 * (one statement may change many rows). It is the change's identity: a change replayed after a crash has the
 * same position, which is what makes event ids deterministic and duplicates droppable.
 *
 * <p>Written as {@code mariadb-bin.000003:1234:0}.
 */
public record BinlogPosition(String file, long offset, int row) implements Comparable<BinlogPosition> {

    public BinlogPosition {
        checkNotNull(file, "file == null");
        checkArgument(!file.isBlank() && file.indexOf(':') < 0, "not a binlog file name: '%s'", file);
        checkArgument(offset >= 0, "negative binlog offset: %s", offset);
        checkArgument(row >= 0, "negative row index: %s", row);
    }

    @JsonCreator
    public static BinlogPosition parse(String text) {
        checkNotNull(text, "text == null");
        int second = text.lastIndexOf(':');
        int first = second > 0 ? text.lastIndexOf(':', second - 1) : -1;
        checkArgument(first > 0, "not a binlog position: '%s'", text);
        try {
            return new BinlogPosition(text.substring(0, first),
                    Long.parseLong(text.substring(first + 1, second)),
                    Integer.parseInt(text.substring(second + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a binlog position: '" + text + "'", e);
        }
    }

    /** Binlog files are numbered with a fixed-width suffix, so names order like the log itself. */
    @Override
    public int compareTo(BinlogPosition other) {
        int byFile = file.compareTo(other.file);
        if (byFile != 0) {
            return byFile;
        }
        int byOffset = Long.compare(offset, other.offset);
        return byOffset != 0 ? byOffset : Integer.compare(row, other.row);
    }

    @JsonValue
    @Override
    public String toString() {
        return file + ":" + offset + ":" + row;
    }
}
