package dev.listcast.bench.stack;

import dev.listcast.bench.proc.ListeningProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * What the bench needs to load an edge: the loopback address of its streams, tokens it accepts (one subject per simulated user,
 * because the edge caps streams per user), and the pid of the process serving it.
 */
public final class EdgeAccess {
    private final InetSocketAddress server;
    private final Endpoints.Auth auth;
    private final HmacJwt jwt;
    private final long lifetimeSeconds;

    private EdgeAccess(InetSocketAddress server, Endpoints.Auth auth, HmacJwt jwt, long lifetimeSeconds) {
        this.server = server;
        this.auth = auth;
        this.jwt = jwt;
        this.lifetimeSeconds = lifetimeSeconds;
    }

    /**
     * Checks the edge is on loopback and finds how it reads the HS256 secret: the secret string's UTF-8 bytes, or
     * the bytes it encodes in base64url (a JWK's {@code k}). One probe of {@code GET /api/session} per guess.
     */
    public static EdgeAccess open(Endpoints endpoints, Duration tokenLifetime) throws IOException, InterruptedException {
        URI edge = endpoints.edge();
        URI streams = endpoints.streams();
        InetSocketAddress server = Loopback.require("the edge's streams", streams.getHost(),
                streams.getPort() < 0 ? 80 : streams.getPort());
        if (endpoints.auth() == null || endpoints.auth().hs256Secret() == null) {
            throw new IllegalArgumentException("the endpoints file has no auth.hs256Secret to mint tokens with");
        }
        String secret = endpoints.auth().hs256Secret();
        List<byte[]> guesses = new java.util.ArrayList<>(List.of(secret.getBytes(StandardCharsets.UTF_8)));
        try {
            guesses.add(Base64.getUrlDecoder().decode(secret));
        } catch (IllegalArgumentException notBase64) {
            // then only the raw bytes are possible
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int lastStatus = 0;
        for (byte[] key : guesses) {
            EdgeAccess access = new EdgeAccess(server, endpoints.auth(), new HmacJwt(key),
                    tokenLifetime.toSeconds());
            HttpRequest probe = HttpRequest.newBuilder(edge.resolve("/api/session"))
                    .header("Authorization", "Bearer " + access.token("bench-probe"))
                    .timeout(Duration.ofSeconds(10)).GET().build();
            lastStatus = http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (lastStatus == 200) {
                return access;
            }
        }
        throw new IllegalStateException("the edge at " + edge + " refused bench tokens (HTTP " + lastStatus
                + "); is auth.hs256Secret in the endpoints file the edge's secret?");
    }

    public InetSocketAddress server() {
        return server;
    }

    public String token(String subject) {
        return jwt.mint(subject, auth.issuer(), auth.audience(), System.currentTimeMillis() / 1000, lifetimeSeconds);
    }

    /** The process listening on the stream port, or {@code explicitPid} when given (> 0). */
    public Optional<Long> pid(long explicitPid) throws IOException {
        return explicitPid > 0 ? Optional.of(explicitPid) : ListeningProcess.onPort(server.getPort());
    }
}
