package dev.listcast.edge.auth;

import io.helidon.security.jwt.jwk.JwkKeys;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The identity provider's public keys, kept current without a restart. They are fetched again once older than
 * {@code maxAge}, so a key the provider withdrew stops verifying, and at once when a token names a key id they do not
 * hold, so a key rotated in verifies from its first token. Fetches happen at most once per {@code retry}: tokens with
 * made-up key ids cannot make the edge hammer the provider. A failed fetch keeps the keys it had.
 */
final class JwksKeys {
    private static final System.Logger LOG = System.getLogger(JwksKeys.class.getName());
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

    private final String location;
    private final Duration maxAge;
    private final Duration retry;
    private final ReentrantLock fetching = new ReentrantLock();
    private volatile Fetched fetched;
    /** Guarded by {@link #fetching}. */
    private long lastAttemptNanos;

    private record Fetched(JwkKeys keys, long atNanos) {
    }

    /** @throws IllegalStateException when the first fetch fails: an edge that can verify nothing must not start */
    JwksKeys(String location, Duration maxAge, Duration retry) {
        this.location = location;
        this.maxAge = maxAge;
        this.retry = retry;
        long now = System.nanoTime();
        this.lastAttemptNanos = now;
        try {
            this.fetched = new Fetched(fetch(), now);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot load the JWKS from " + location + " (listcast.auth.jwks): " + e, e);
        }
    }

    /** The keys to verify a token naming {@code keyId} (if it names one) with. */
    JwkKeys current(Optional<String> keyId) {
        Fetched now = fetched;
        if (keyId.isPresent() && now.keys().forKeyId(keyId.get()).isEmpty()) {
            // The token needs keys we may not have yet: wait for a fetch already under way rather than refuse it.
            fetching.lock();
            refreshIfDue(now);
        } else if (System.nanoTime() - now.atNanos() >= maxAge.toNanos() && fetching.tryLock()) {
            // Merely stale: one caller fetches, the others go on with the keys at hand.
            refreshIfDue(now);
        }
        return fetched.keys();
    }

    /** Holding {@link #fetching}: fetches unless someone did since {@code seen} or the last try was too recent. */
    private void refreshIfDue(Fetched seen) {
        try {
            long now = System.nanoTime();
            if (fetched != seen || now - lastAttemptNanos < retry.toNanos()) {
                return;
            }
            lastAttemptNanos = now;
            try {
                fetched = new Fetched(fetch(), now);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "cannot refresh the JWKS from " + location + ", keeping the "
                        + seen.keys().keys().size() + " keys of the last fetch: " + e);
            }
        } finally {
            fetching.unlock();
        }
    }

    private JwkKeys fetch() throws IOException {
        String body = location.startsWith("http://") || location.startsWith("https://")
                ? download(URI.create(location))
                : Files.readString(Path.of(location));
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return JwkKeys.create(reader.readObject());
        }
    }

    private static String download(URI uri) throws IOException {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(FETCH_TIMEOUT).build()) {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(FETCH_TIMEOUT).GET().build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
