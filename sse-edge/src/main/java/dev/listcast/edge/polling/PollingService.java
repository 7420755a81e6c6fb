package dev.listcast.edge.polling;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.listcast.edge.ApiException;
import dev.listcast.edge.Json;
import dev.listcast.edge.auth.AuthHandler;
import dev.listcast.edge.auth.Principal;
import dev.listcast.edge.fanout.EdgeEvent;
import dev.listcast.edge.fanout.FanOut;
import dev.listcast.edge.fanout.ListingFilter;
import dev.listcast.edge.fanout.Replayer;
import dev.listcast.edge.fanout.ResumeId;
import dev.listcast.events.Taxonomy;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The first paint and the fallback for clients that cannot keep a stream open.
 *
 * <pre>
 * curl -H "Authorization: Bearer $JWT" 'http://localhost:8080/api/listings/recent?categories=sneakers&amp;limit=20'
 * curl -H "Authorization: Bearer $JWT" 'http://localhost:8080/api/listings?after=1764780000009-42@mariadb-bin.000003:1234:0'
 * </pre>
 */
public final class PollingService implements HttpService {
    private static final int DEFAULT_RECENT = 50;
    private static final int MAX_PAGE = 500;

    private final FanOut fanOut;
    private final Replayer replayer;
    private final Taxonomy taxonomy;

    public PollingService(FanOut fanOut, Replayer replayer, Taxonomy taxonomy) {
        this.fanOut = fanOut;
        this.replayer = replayer;
        this.taxonomy = taxonomy;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::after)
                .get("/recent", this::recent);
    }

    private void recent(ServerRequest req, ServerResponse res) {
        FanOut.Recent recent = fanOut.recent(limit(req, DEFAULT_RECENT), filter(req));
        Json.send(res, page(recent.items(), recent.lastId(), null));
    }

    private void after(ServerRequest req, ServerResponse res) {
        ListingFilter filter = filter(req);
        String after = req.query().first("after").asOptional().filter(s -> !s.isBlank()).orElseThrow(() ->
                ApiException.badRequest("missing after: pass the last id, or use /api/listings/recent for a first page"));
        Replayer.Resumed resumed = replayer.resume(after, fanOut.snapshot());
        if (resumed.reset()) {
            FanOut.Recent recent = fanOut.recent(limit(req, DEFAULT_RECENT), filter);
            Json.send(res, page(recent.items().reversed(), recent.lastId(), true));
            return;
        }
        List<EdgeEvent> missed = resumed.events();
        int repeats = resumed.missed().repeats();
        // The limit counts new events only; the overlap's repeats all go out. A page of repeats alone would move the
        // id back to one of them, and the next poll would answer the same page again, never reaching what is new.
        List<EdgeEvent> page = missed.subList(0, Math.min(missed.size(), repeats + limit(req, MAX_PAGE)));
        // The id moves past every event looked at, matching or not. With nothing new it stays, except that a bare
        // moment may move up to now minus the overlap: the next poll's overlap still covers what is on its way.
        ResumeId lastId = page.size() > repeats ? page.getLast().resumeId()
                : stay(ResumeId.parse(after).orElseThrow());
        List<EdgeEvent> items = new ArrayList<>(page.size());
        page.stream().filter(filter::matches).forEach(items::add);
        Json.send(res, page(items, lastId, false));
    }

    private ResumeId stay(ResumeId after) {
        long overlap = fanOut.settings().resumeOverlap().toMillis();
        return after.hasEvent() ? after
                : ResumeId.at(Math.max(after.timestamp(), System.currentTimeMillis() - overlap));
    }

    private ListingFilter filter(ServerRequest req) {
        Principal principal = AuthHandler.require(req);
        return ListingFilter.parse(name -> req.query().first(name).asOptional(), taxonomy, principal.categories());
    }

    private static int limit(ServerRequest req, int defaultLimit) {
        String text = req.query().first("limit").orElse(Integer.toString(defaultLimit));
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit < 1 || limit > MAX_PAGE) {
                throw ApiException.badRequest("limit must be between 1 and " + MAX_PAGE + ": " + limit);
            }
            return limit;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("limit is not a number: '" + text + "'");
        }
    }

    private static ObjectNode page(List<EdgeEvent> events, ResumeId lastId, Boolean reset) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode items = body.putArray("items");
        events.forEach(e -> items.addRawValue(new RawValue(new String(e.json(), StandardCharsets.UTF_8))));
        body.put("lastId", lastId.toString());
        if (reset != null) {
            body.put("reset", reset);
        }
        return body;
    }
}
