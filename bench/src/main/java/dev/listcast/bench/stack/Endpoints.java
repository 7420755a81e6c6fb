package dev.listcast.bench.stack;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * The stack under test as its {@code endpoints.json} describes it (what devstack writes). The bench keeps its own
 * reader because nothing may depend on devstack.
 */
public record Endpoints(String edgeUrl, String streamUrl, String kafkaBootstrap, Database mariadb, Auth auth) {

    /** Where to insert listings; the user may insert into {@code market.items}. */
    public record Database(String host, int port, String user, String password, String database) {
        public String jdbcUrl() {
            return "jdbc:mariadb://" + host + ":" + port + "/" + database;
        }
    }

    /** How the edge checks tokens: HS256 with this secret, and these issuer and audience claims. */
    public record Auth(String issuer, String audience, String hs256Secret) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static Endpoints read(Path file) {
        try {
            return JSON.readValue(file.toFile(), Endpoints.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the endpoints file " + file
                    + " (start a devstack with ./listcast dev, or pass --endpoints <file>)", e);
        }
    }

    public URI edge() {
        return URI.create(edgeUrl);
    }

    /** Where streams are served: the edge's stream port ({@code edgeUrl} for a stack that names none). */
    public URI streams() {
        return URI.create(streamUrl == null ? edgeUrl : streamUrl);
    }
}
