package dev.listcast.cdc;

import java.util.concurrent.atomic.AtomicLong;

/** Counts what reached the bus; written by the engine's consumer thread, read by whoever asks for status. */
final class CaptureCounters {
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private volatile String lastPosition = "";
    private volatile long lastCommitToCaptureMillis = -1;

    /** Called once the bus acknowledged the record made of {@code mapped}. */
    void acknowledged(MappedChange mapped) {
        switch (mapped) {
            case MappedChange.Item item -> changed(item.change().position().toString(),
                    item.change().capturedAt() - item.change().committedAt());
            case MappedChange.Seller seller -> changed(seller.change().position().toString(),
                    seller.change().capturedAt() - seller.change().committedAt());
            case MappedChange.Rejected rejected -> deadLetters.incrementAndGet();
        }
    }

    CdcStatus status(boolean connected) {
        return new CdcStatus(connected, lastPosition, lastCommitToCaptureMillis, published.get(), deadLetters.get());
    }

    private void changed(String position, long commitToCapture) {
        lastPosition = position;
        lastCommitToCaptureMillis = commitToCapture;
        published.incrementAndGet();
    }
}
