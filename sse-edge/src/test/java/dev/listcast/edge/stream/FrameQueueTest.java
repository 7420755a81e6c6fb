package dev.listcast.edge.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameQueueTest {
    private static byte[] frame(int n) {
        return new byte[] {(byte) n};
    }

    @Test
    void shouldKeepOrderWhileGrowingToItsCapacityThenRefuse() {
        FrameQueue queue = new FrameQueue(10);
        queue.offer(frame(0));
        queue.poll();

        for (int i = 1; i <= 10; i++) {
            assertThat(queue.offer(frame(i))).isTrue();
        }
        boolean eleventh = queue.offer(frame(11));

        assertThat(eleventh).isFalse();
        for (int i = 1; i <= 10; i++) {
            assertThat(queue.poll()).containsExactly(i);
        }
        assertThat(queue.poll()).isNull();
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void shouldTakeFramesAgainAfterBeingCleared() {
        FrameQueue queue = new FrameQueue(2);
        queue.offer(frame(1));
        queue.offer(frame(2));

        queue.clear();

        assertThat(queue.isEmpty()).isTrue();
        assertThat(queue.offer(frame(3))).isTrue();
        assertThat(queue.poll()).containsExactly(3);
    }
}
