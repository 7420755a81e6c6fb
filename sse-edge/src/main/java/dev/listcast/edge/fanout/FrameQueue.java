package dev.listcast.edge.fanout;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded frame queue of one stream: one producer (the dispatcher, never blocking) and one consumer (the
 * stream's writer). Lighter than {@code ArrayBlockingQueue}, which preallocates its whole capacity: at 256 frames
 * that is ~1 KiB per stream (1.4 KiB of {@code Object[]} per stream in a heap histogram of 2,000 idle streams) for
 * queues that are empty nearly always. This one starts with {@value #INITIAL} slots and doubles up to its capacity.
 */
final class FrameQueue {
    /** A burst of a few frames (events of one poll, a ping) fits without growing. */
    private static final int INITIAL = 4;

    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private byte[][] slots;
    private int head;
    private int size;

    FrameQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.slots = new byte[Math.min(INITIAL, capacity)][];
    }

    /** False when full. */
    boolean offer(byte[] frame) {
        lock.lock();
        try {
            if (size == capacity) {
                return false;
            }
            if (size == slots.length) {
                grow();
            }
            slots[(head + size) % slots.length] = frame;
            size++;
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The next frame, or null when empty. */
    byte[] poll() {
        lock.lock();
        try {
            return size == 0 ? null : removeFirst();
        } finally {
            lock.unlock();
        }
    }

    /** The next frame, waiting as long as it takes. */
    byte[] take() throws InterruptedException {
        lock.lock();
        try {
            while (size == 0) {
                notEmpty.await();
            }
            return removeFirst();
        } finally {
            lock.unlock();
        }
    }

    /** The next frame, or null after {@code timeoutMillis}. */
    byte[] poll(long timeoutMillis) throws InterruptedException {
        long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        lock.lock();
        try {
            while (size == 0) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return removeFirst();
        } finally {
            lock.unlock();
        }
    }

    private byte[] removeFirst() {
        byte[] frame = slots[head];
        slots[head] = null;
        head = (head + 1) % slots.length;
        size--;
        return frame;
    }

    private void grow() {
        byte[][] bigger = new byte[Math.min(capacity, slots.length * 2)][];
        for (int i = 0; i < size; i++) {
            bigger[i] = slots[(head + i) % slots.length];
        }
        slots = bigger;
        head = 0;
    }
}
