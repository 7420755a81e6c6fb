package dev.listcast.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON in and out of the API; one mapper for the edge's own small bodies (listing events come pre-encoded). */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    public static void send(ServerResponse res, Object body) {
        res.header(HeaderValues.CONTENT_TYPE_JSON);
        res.send(bytes(body));
    }

    /** Reads a JSON body into {@code type}; a missing or unreadable body is a 400 naming the type. */
    public static <T> T read(ServerRequest req, Class<T> type) {
        try {
            byte[] body = req.content().hasEntity() ? req.content().inputStream().readAllBytes() : new byte[0];
            if (body.length == 0) {
                throw ApiException.badRequest("missing JSON body");
            }
            return MAPPER.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
