package dev.listcast.bench.fanout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Publishes to an nchan channel by HTTP POST; the event name travels in {@code X-EventSource-Event}. */
final class NchanPublisher implements Publisher {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI channel;
    private long failures;

    NchanPublisher(URI channel) {
        this.channel = channel;
    }

    @Override
    public void publish(long itemId, byte[] body) throws Exception {
        HttpRequest post = HttpRequest.newBuilder(channel)
                .header("Content-Type", "application/json")
                .header("X-EventSource-Event", "listing")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        int status = http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status / 100 != 2) {
            failures++;
        }
    }

    @Override
    public long failures() {
        return failures;
    }

    @Override
    public void close() {
        http.close();
    }
}
