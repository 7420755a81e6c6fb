package dev.listcast.events;

import static dev.listcast.events.Checks.checkNotNull;

/**
 * A record the pipeline could not use, on {@code listings.dlq}: why, where it came from, and its exact bytes
 * (base64 in JSON) so it can be inspected or replayed once fixed.
 *
 * @param key the original record key as text, null when it had none
 */
public record DeadLetter(String reason, String sourceTopic, String key, byte[] original, long failedAt) {

    public DeadLetter {
        checkNotNull(reason, "reason == null");
        checkNotNull(sourceTopic, "sourceTopic == null");
        original = original == null ? new byte[0] : original.clone();
    }

    @Override
    public byte[] original() {
        return original.clone();
    }
}
