package dev.listcast.processor.kafka;

import dev.listcast.events.Settings;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the listing processor on its own, configured from the environment ({@code LISTCAST_KAFKA_BOOTSTRAP} and
 * the other keys of {@link ProcessorSettings}), until the JVM is asked to stop.
 */
public final class ProcessorMain {
    private ProcessorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ListingStreams streams = ListingStreams.start(ProcessorSettings.from(Settings.fromEnvironment()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            streams.close();
            stopped.countDown();
        }, "listing-processor-shutdown"));
        stopped.await();
    }
}
