package dev.listcast.cdc;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a lost connection from a real fault when the engine stops with an error, the way Debezium's
 * {@code MariaDbErrorHandler.isRetriable} does: walk the cause chain and look for communication failures. A
 * retriable failure restarts the engine after a backoff; anything else stops capture and is logged, because
 * restarting into the same fault would only spin.
 */
final class EngineFailures {
    private EngineFailures() {
    }

    static boolean isRetriable(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof IOException
                    || cause instanceof SQLException
                    // Debezium's error handler wraps connection losses in Connect's RetriableException.
                    || cause instanceof org.apache.kafka.connect.errors.RetriableException
                    // The bus did not answer in time (broker restart, leader election).
                    || cause instanceof org.apache.kafka.common.errors.RetriableException) {
                return true;
            }
        }
        return false;
    }
}
