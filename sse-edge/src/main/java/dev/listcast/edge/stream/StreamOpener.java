package dev.listcast.edge.stream;

import dev.listcast.edge.ApiException;
import dev.listcast.edge.auth.AuthHandler;
import dev.listcast.edge.auth.Principal;
import dev.listcast.edge.auth.TokenVerifier;
import dev.listcast.edge.fanout.EdgeEvent;
import dev.listcast.edge.fanout.FanOut;
import dev.listcast.edge.fanout.ListingFilter;
import dev.listcast.edge.fanout.Replayer;
import dev.listcast.edge.fanout.RingSnapshot;
import dev.listcast.edge.fanout.SseFrames;
import dev.listcast.events.Taxonomy;
import java.io.ByteArrayOutputStream;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Turns a request head into a stream: CORS, then the token (bearer header or session cookie), the filters, the
 * fan-out's admission (per-user cap, per-edge ceiling), and the first bytes: head, {@code retry:}, and what the
 * {@code Last-Event-ID} (or {@code lastEventId}) proves the client missed. Anything refused gets its status and a
 * JSON reason, exactly as the HTTP port would answer it.
 */
final class StreamOpener {
    static final String PATH = "/api/listings/stream";

    private static final System.Logger LOG = System.getLogger(StreamOpener.class.getName());
    private static final byte[] AUTH_EXPIRED = SseFrames.ending("auth-expired",
            "token expired; sign in again, then reconnect");

    private final FanOut fanOut;
    private final Replayer replayer;
    private final TokenVerifier verifier;
    private final Taxonomy taxonomy;
    private final StreamSettings settings;
    private final CorsPolicy cors;
    private final ScheduledExecutorService timers;

    StreamOpener(FanOut fanOut, Replayer replayer, TokenVerifier verifier, Taxonomy taxonomy,
            StreamSettings settings, ScheduledExecutorService timers) {
        this.fanOut = fanOut;
        this.replayer = replayer;
        this.verifier = verifier;
        this.taxonomy = taxonomy;
        this.settings = settings;
        this.cors = new CorsPolicy(settings.origins());
        this.timers = timers;
    }

    void open(SseConnection connection, RequestHead head) {
        String corsHeaders = "";
        try {
            corsHeaders = cors.headers(head);
            if (head.method().equals("OPTIONS")) {
                connection.answer(StreamAnswers.preflight(corsHeaders));
                return;
            }
            if (!head.path().equals(PATH)) {
                throw ApiException.notFound("this port serves only " + PATH);
            }
            if (!head.method().equals("GET")) {
                throw ApiException.methodNotAllowed(PATH + " answers GET only");
            }
            Principal principal = verifier.verify(AuthHandler.token(head.header("authorization"), head::cookie)
                    .orElseThrow(AuthHandler::noToken));
            ListingFilter filter = ListingFilter.parse(head::param, taxonomy, principal.categories());
            Optional<String> lastId = head.header("last-event-id").or(() -> head.param("lastEventId"));
            StreamSubscriber subscriber = new StreamSubscriber(principal.subject(), filter, connection);
            RingSnapshot ring = fanOut.subscribe(subscriber, lastId.isPresent());
            try {
                long untilExpiry = principal.expiresAt().toEpochMilli() - System.currentTimeMillis();
                connection.timer(timers.schedule(() -> expire(subscriber), untilExpiry, TimeUnit.MILLISECONDS));
                if (!connection.open(subscriber, first(corsHeaders, lastId, ring, filter))) {
                    fanOut.unsubscribe(subscriber);
                }
            } catch (RuntimeException e) {
                fanOut.unsubscribe(subscriber);
                throw e;
            }
        } catch (ApiException e) {
            connection.answer(StreamAnswers.error(e, corsHeaders));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot open a stream for " + head.path(), e);
            connection.answer(StreamAnswers.error(ApiException.internal(
                    "the edge failed: " + e.getClass().getSimpleName()), corsHeaders));
        }
    }

    /** The stream ends with {@code auth-expired} when its token does: it never goes on, nor downgrades. */
    private void expire(StreamSubscriber subscriber) {
        fanOut.unsubscribe(subscriber);
        subscriber.end(AUTH_EXPIRED);
    }

    /** Head, a jittered {@code retry:}, then the missed events matching {@code filter} (or {@code reset}): one write. */
    private byte[] first(String corsHeaders, Optional<String> lastId, RingSnapshot ring, ListingFilter filter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        out.writeBytes(StreamAnswers.stream(corsHeaders));
        // Jittered up to twice the base: when an edge goes away, its clients come back spread out, not as one wave.
        long retry = settings.retry().toMillis();
        out.writeBytes(SseFrames.retry(retry + ThreadLocalRandom.current().nextLong(retry + 1)));
        if (ring != null) {
            Replayer.Resumed resumed = replayer.resume(lastId.get(), ring);
            if (resumed.reset()) {
                out.writeBytes(SseFrames.ending("reset", resumed.resetReason() + "; fetch /api/listings/recent"));
            }
            for (EdgeEvent event : resumed.events()) {
                if (filter.matches(event)) {
                    out.writeBytes(event.frame());
                }
            }
        }
        return out.toByteArray();
    }
}
