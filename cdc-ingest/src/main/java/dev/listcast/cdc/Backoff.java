package dev.listcast.cdc;

import java.time.Duration;

/**
 * Exponential restart delays: {@code initial}, twice that, … up to {@code max}. A database restart takes seconds;
 * hammering it every few milliseconds would only fill its log with refused connections.
 */
record Backoff(Duration initial, Duration max) {

    Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max: " + initial + ", " + max);
        }
    }

    /** The wait before restart number {@code attempt} (0 for the first restart after a failure). */
    Duration delay(int attempt) {
        if (attempt < 0) {
            throw new IllegalArgumentException("negative attempt: " + attempt);
        }
        long millis = initial.toMillis();
        for (int i = 0; i < attempt && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
