package dev.listcast.edge;

import io.helidon.http.Status;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An HTTP failure as a value: the status, the machine-readable code and the human reason that
 * {@link ErrorMapping} turns into {@code {"error": code, "reason": reason}}.
 */
public final class ApiException extends RuntimeException {
    private final Status status;
    private final String code;
    private final int retryAfterSeconds;

    private ApiException(Status status, String code, String reason, int retryAfterSeconds) {
        super(reason);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiException badRequest(String reason) {
        return new ApiException(Status.BAD_REQUEST_400, "bad-request", reason, 0);
    }

    public static ApiException unauthorized(String reason) {
        return new ApiException(Status.UNAUTHORIZED_401, "unauthorized", reason, 0);
    }

    public static ApiException forbidden(String reason) {
        return new ApiException(Status.FORBIDDEN_403, "forbidden", reason, 0);
    }

    public static ApiException notFound(String reason) {
        return new ApiException(Status.NOT_FOUND_404, "not-found", reason, 0);
    }

    public static ApiException methodNotAllowed(String reason) {
        return new ApiException(Status.METHOD_NOT_ALLOWED_405, "method-not-allowed", reason, 0);
    }

    public static ApiException headTooLarge(String reason) {
        return new ApiException(Status.create(431, "Request Header Fields Too Large"), "head-too-large", reason, 0);
    }

    /** 500: a failure of the edge itself, never of the request. */
    public static ApiException internal(String reason) {
        return new ApiException(Status.INTERNAL_SERVER_ERROR_500, "internal", reason, 0);
    }

    /**
     * 503 with a {@code Retry-After} header of {@code baseSeconds} up to twice that, jittered per answer, so a crowd
     * of clients refused at once comes back spread out.
     */
    public static ApiException overloaded(String reason, int baseSeconds) {
        return new ApiException(Status.SERVICE_UNAVAILABLE_503, "overloaded", reason,
                baseSeconds + ThreadLocalRandom.current().nextInt(baseSeconds + 1));
    }

    public Status status() {
        return status;
    }

    public String code() {
        return code;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
