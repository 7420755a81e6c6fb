package dev.listcast.edge.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.listcast.edge.ApiException;
import dev.listcast.edge.source.ListingSource;
import dev.listcast.edge.source.SourceListener;
import dev.listcast.edge.source.SourcedRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReplayerTest {
    private static final FanOutSettings ONE_REPLAY = new FanOutSettings(16, 3, 100, 5, 100, Duration.ofMillis(1_000),
            Duration.ofHours(1), 1, 1);

    /** A source whose history takes as long as the test says: the first replay holds the only turn. */
    private static final class SlowHistory implements ListingSource {
        final CountDownLatch replaying = new CountDownLatch(1);
        final CountDownLatch finish = new CountDownLatch(1);

        @Override
        public void start(SourceListener listener) {
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public List<SourcedRecord> replay(long fromTimestamp, Map<String, Long> until) {
            replaying.countDown();
            try {
                finish.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void shouldAnswer503WhenTooManyResumesReadHistoryAtOnce() throws Exception {
        SlowHistory source = new SlowHistory();
        Replayer replayer = new Replayer(ONE_REPLAY, source);
        long now = System.currentTimeMillis();
        // The ring vouches only for the future, so every resume needs history.
        RingSnapshot ring = new RingSnapshot(List.of(), Map.of("listings.sneakers-0", 0L), Long.MAX_VALUE);
        String id = (now - 60_000) + "-1@x";
        CompletableFuture<Replayer.Resumed> first = CompletableFuture.supplyAsync(() -> replayer.resume(id, ring));
        assertThat(source.replaying.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> replayer.resume(id, ring)).isInstanceOf(ApiException.class)
                .hasMessage("too many clients resume from history at once; resume again later")
                .satisfies(e -> assertThat(((ApiException) e).status().code()).isEqualTo(503));

        source.finish.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).reset()).isFalse();
        assertThat(replayer.resume(id, ring).reset()).isFalse();
    }
}
