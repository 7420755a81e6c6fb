package dev.listcast.cdc;

/**
 * What the CDC stage is doing right now, for health checks and the devstack console.
 *
 * @param connected the engine is streaming the binlog (Debezium's own streaming metric); false while it
 *     starts, restarts after a lost connection, or stopped for good
 * @param lastPosition binlog position of the last record the bus acknowledged, {@code file:offset:row}; empty
 *     before the first
 * @param lastCommitToCaptureMillis capture time minus the commit time of that record (see
 *     {@link ChangeMapper#commitTime}: coarse, up to a second high, for a row without {@code updated_at} on
 *     MariaDB); -1 before the first record
 * @param recordsPublished item and seller changes the bus acknowledged since start
 * @param deadLetters change events that could not be mapped and went to the dead-letter topic
 */
public record CdcStatus(
        boolean connected,
        String lastPosition,
        long lastCommitToCaptureMillis,
        long recordsPublished,
        long deadLetters) {

    public CdcStatus {
        if (lastPosition == null) {
            throw new NullPointerException("lastPosition == null");
        }
    }
}
