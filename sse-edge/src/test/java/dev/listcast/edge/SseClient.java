package dev.listcast.edge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A plain SSE reader over java.net.http: parses frames into {@link Frame}s on a virtual thread. */
final class SseClient implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Frame(String event, String id, String data, Long retry) {
    }

    private final HttpResponse<InputStream> response;
    private final LinkedBlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private volatile boolean ended;

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        if (response.statusCode() == 200) {
            Thread.ofVirtual().start(this::read);
        }
    }

    /** Opens {@code pathAndQuery} with the given extra headers (name, value, ...). */
    static SseClient open(int port, String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("Accept", "text/event-stream");
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int status() {
        return response.statusCode();
    }

    HttpResponse<InputStream> response() {
        return response;
    }

    /** The next frame within {@code timeout}, or null. */
    Frame next(Duration timeout) throws InterruptedException {
        return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Frames until one named {@code event} arrives (included), or null after {@code timeout}. */
    List<Frame> until(String event, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Frame> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            Frame f = frames.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            if (f != null) {
                seen.add(f);
                if (event.equals(f.event())) {
                    return seen;
                }
            }
        }
        return null;
    }

    /** Every frame that arrived so far or arrives within {@code timeout}. */
    List<Frame> during(Duration timeout) throws InterruptedException {
        Thread.sleep(timeout.toMillis());
        List<Frame> seen = new ArrayList<>();
        frames.drainTo(seen);
        return seen;
    }

    /** Listing frames ({@code listing}/{@code price-drop}) until {@code count} arrived or {@code timeout} passed. */
    List<Frame> listings(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Frame> listings = new ArrayList<>();
        while (listings.size() < count && System.nanoTime() < deadline) {
            Frame f = frames.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            if (f != null && f.id() != null) {
                listings.add(f);
            }
        }
        return listings;
    }

    boolean ended() {
        return ended;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String event = null;
            String id = null;
            String data = null;
            Long retry = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty()) {
                    if (event != null || data != null || retry != null) {
                        frames.add(new Frame(event == null ? "message" : event, id, data, retry));
                    }
                    event = id = data = null;
                    retry = null;
                } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                } else if (line.startsWith("retry: ")) {
                    retry = Long.parseLong(line.substring(7));
                }
            }
        } catch (IOException e) {
            // closed
        } finally {
            ended = true;
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // already closed
        }
    }
}
