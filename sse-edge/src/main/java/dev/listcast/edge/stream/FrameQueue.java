package dev.listcast.edge.stream;

/**
 * The bounded frame queue of one stream, guarded by its connection's lock. It only fills while the socket refuses
 * more (or before the stream is live), so it is empty nearly always: it starts with {@value #INITIAL} slots and
 * doubles up to its capacity, where {@code ArrayDeque} or {@code ArrayBlockingQueue} would preallocate more (1.4 KiB
 * of {@code Object[]} per stream in a heap histogram of 2,000 idle streams at 256 frames).
 */
final class FrameQueue {
    /** A burst of a few frames (events of one poll, a ping) fits without growing. */
    private static final int INITIAL = 4;

    private final int capacity;
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
        if (size == capacity) {
            return false;
        }
        if (size == slots.length) {
            grow();
        }
        slots[(head + size) % slots.length] = frame;
        size++;
        return true;
    }

    /** The next frame, or null when empty. */
    byte[] poll() {
        if (size == 0) {
            return null;
        }
        byte[] frame = slots[head];
        slots[head] = null;
        head = (head + 1) % slots.length;
        size--;
        return frame;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Drops every frame and shrinks back to the initial slots. */
    void clear() {
        slots = new byte[Math.min(INITIAL, capacity)][];
        head = 0;
        size = 0;
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
