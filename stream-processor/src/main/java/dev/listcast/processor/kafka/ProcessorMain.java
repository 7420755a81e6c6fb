package dev.listcast.processor.kafka;

import dev.listcast.events.Bus;
import dev.listcast.events.Settings;
import dev.listcast.processor.redis.RedisListingWorkers;
import dev.listcast.processor.redis.RedisProcessorSettings;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the listing processor on its own, configured from the environment ({@code LISTCAST_KAFKA_BOOTSTRAP} and
 * the other keys of {@link ProcessorSettings}), until the JVM is asked to stop. {@code LISTCAST_BUS=redis} runs
 * the same listing rules on Redis Streams instead ({@link RedisListingWorkers}).
 */
public final class ProcessorMain {
    private ProcessorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Settings settings = Settings.fromEnvironment();
        AutoCloseable processor = switch (Bus.of(settings)) {
            case KAFKA -> ListingStreams.start(ProcessorSettings.from(settings));
            case REDIS -> RedisListingWorkers.start(RedisProcessorSettings.from(settings));
        };
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                processor.close();
            } catch (Exception e) {
                System.err.println("listing processor did not stop cleanly: " + e);
            }
            stopped.countDown();
        }, "listing-processor-shutdown"));
        stopped.await();
    }
}
