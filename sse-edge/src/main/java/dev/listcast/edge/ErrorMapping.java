package dev.listcast.edge;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.util.Map;

/** The one place where failures become HTTP answers: {@code {"error": "<code>", "reason": "<text>"}}. */
public final class ErrorMapping {
    private static final System.Logger LOG = System.getLogger(ErrorMapping.class.getName());

    private ErrorMapping() {
    }

    public static void register(HttpRouting.Builder routing) {
        routing.error(ApiException.class, ErrorMapping::api)
                .error(RuntimeException.class, ErrorMapping::unexpected);
    }

    private static void api(ServerRequest req, ServerResponse res, ApiException e) {
        if (e.retryAfterSeconds() > 0) {
            res.header(HeaderNames.RETRY_AFTER, Integer.toString(e.retryAfterSeconds()));
        }
        send(res, e.status(), e.code(), e.getMessage());
    }

    private static void unexpected(ServerRequest req, ServerResponse res, RuntimeException e) {
        LOG.log(Level.WARNING, "failed " + req.prologue().method().text() + " " + req.path().path(), e);
        send(res, Status.INTERNAL_SERVER_ERROR_500, "internal", "the edge failed: " + e.getClass().getSimpleName());
    }

    private static void send(ServerResponse res, Status status, String code, String reason) {
        if (res.isSent()) {
            return;
        }
        res.status(status);
        Json.send(res, Map.of("error", code, "reason", reason == null ? code : reason));
    }
}
