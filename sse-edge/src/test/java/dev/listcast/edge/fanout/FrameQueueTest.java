package dev.listcast.edge.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameQueueTest {
    private static byte[] frame(int n) {
        return new byte[] {(byte) n};
    }

    @Test
    void shouldKeepOrderWhileGrowingToItsCapacityThenRefuse() throws InterruptedException {
        FrameQueue queue = new FrameQueue(10);
        queue.offer(frame(0));
        queue.poll();

        for (int i = 1; i <= 10; i++) {
            assertThat(queue.offer(frame(i))).isTrue();
        }
        boolean eleventh = queue.offer(frame(11));

        assertThat(eleventh).isFalse();
        for (int i = 1; i <= 10; i++) {
            assertThat(queue.take()).containsExactly(i);
        }
        assertThat(queue.poll()).isNull();
    }

    @Test
    void shouldReturnNullWhenNothingArrivesInTime() throws InterruptedException {
        assertThat(new FrameQueue(4).poll(1)).isNull();
    }
}
