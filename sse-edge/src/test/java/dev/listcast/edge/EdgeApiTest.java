package dev.listcast.edge;

import static dev.listcast.edge.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.listcast.edge.auth.DevTokens;
import dev.listcast.edge.auth.TestJwts;
import dev.listcast.events.ListingEvent;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The request/response API around the stream: auth, sessions, polling, taxonomy, telemetry, UI, observability. */
class EdgeApiTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    @RegisterExtension
    static final EdgeExtension EDGE = EdgeExtension.withTopics("sneakers", "consoles", "books");

    @Test
    void shouldRefuseStreamWithoutToken() {
        HttpResponse<String> response = Http.get(EDGE.streamPort(), "/api/listings/stream");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response).get("error").asText()).isEqualTo("unauthorized");
    }

    @Test
    void shouldRefuseHostileTokensOnBothPortsWithAJsonReasonAndNoCookie() {
        Instant now = Instant.now();
        String user = TestEdges.unique();
        byte[] secret = TestEdges.SECRET.getBytes(StandardCharsets.UTF_8);
        String valid = TestJwts.claims(TestEdges.ISSUER, TestEdges.AUDIENCE, user, now.plusSeconds(600), null);
        Map<String, String> hostile = new LinkedHashMap<>();
        hostile.put("garbage", "not.a.jwt");
        hostile.put("alg none", TestJwts.none(valid));
        hostile.put("another secret", TestJwts.hs256(
                "another-secret-that-is-32-bytes-long!!".getBytes(StandardCharsets.UTF_8), null, valid));
        hostile.put("RS256 where only the secret is trusted", TestJwts.rs256("rsa-1", valid));
        hostile.put("expired", TestJwts.hs256(secret, null,
                TestJwts.claims(TestEdges.ISSUER, TestEdges.AUDIENCE, user, now.minusSeconds(60), null)));
        hostile.put("not valid yet", TestJwts.hs256(secret, null,
                TestJwts.claims(TestEdges.ISSUER, TestEdges.AUDIENCE, user, now.plusSeconds(600), now.plusSeconds(300))));
        hostile.put("another audience", TestJwts.hs256(secret, null,
                TestJwts.claims(TestEdges.ISSUER, "someone-else", user, now.plusSeconds(600), null)));
        hostile.put("another issuer", TestJwts.hs256(secret, null,
                TestJwts.claims("mallory", TestEdges.AUDIENCE, user, now.plusSeconds(600), null)));

        hostile.forEach((what, token) -> {
            HttpResponse<String> stream = Http.get(EDGE.streamPort(), "/api/listings/stream",
                    "Authorization", bearer(token));
            HttpResponse<String> session = Http.post(EDGE.port(), "/api/session", "", "Authorization", bearer(token));
            for (HttpResponse<String> refused : List.of(stream, session)) {
                assertThat(refused.statusCode()).as(what).isEqualTo(401);
                assertThat(Http.json(refused).get("error").asText()).as(what).isEqualTo("unauthorized");
                assertThat(Http.json(refused).get("reason").asText()).as(what).isNotBlank();
            }
            assertThat(session.headers().firstValue("Set-Cookie")).as(what).isEmpty();
        });
        HttpResponse<String> accepted = Http.post(EDGE.port(), "/api/session", "",
                "Authorization", bearer(TestJwts.hs256(secret, null, valid)));
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(Http.json(accepted).get("subject").asText()).isEqualTo(user);
    }

    @Test
    void shouldAnswer400WithReasonForBadParameters() {
        String auth = bearer(TestEdges.token(TestEdges.unique()));

        HttpResponse<String> price = Http.get(EDGE.streamPort(), "/api/listings/stream?minPrice=cheap",
                "Authorization", auth);
        HttpResponse<String> category = Http.get(EDGE.streamPort(), "/api/listings/stream?categories=spaceships",
                "Authorization", auth);
        HttpResponse<String> range = Http.get(EDGE.port(), "/api/listings/recent?minPrice=10&maxPrice=5",
                "Authorization", auth);

        assertThat(price.statusCode()).isEqualTo(400);
        assertThat(Http.json(price).get("reason").asText()).isEqualTo("minPrice is not a whole number of cents: 'cheap'");
        assertThat(Http.json(category).get("reason").asText()).isEqualTo("unknown category: spaceships");
        assertThat(Http.json(range).get("reason").asText()).isEqualTo("minPrice 10 is above maxPrice 5");
    }

    @Test
    void shouldAnswer403ForCategoryOutsideTheTokensClaim() {
        String token = DevTokens.mint(TestEdges.SECRET, TestEdges.ISSUER, TestEdges.AUDIENCE, TestEdges.unique(), "Grace",
                List.of("sneakers", "consoles"), Duration.ofMinutes(5));

        HttpResponse<String> response = Http.get(EDGE.streamPort(), "/api/listings/stream?categories=books",
                "Authorization", bearer(token));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Http.json(response).get("error").asText()).isEqualTo("forbidden");
    }

    @Test
    void shouldServeRecentNewestFirstAndPollAfterItsLastId() throws Exception {
        String kw = TestEdges.unique();
        String auth = bearer(TestEdges.token(TestEdges.unique()));
        ListingEvent first = TestListings.listing("consoles", "PS5 " + kw, null, 100);
        ListingEvent second = TestListings.listing("consoles", "Xbox " + kw, null, 100);
        try (SseClient watcher = EDGE.stream(TestEdges.unique(), "q=" + kw)) {
            TestListings.produce(first, second);
            watcher.listings(2, WAIT);
        }

        JsonNode recent = Http.json(Http.get(EDGE.port(), "/api/listings/recent?q=" + kw + "&limit=5",
                "Authorization", auth));
        assertThat(recent.get("items")).extracting(n -> n.get("eventId").asText())
                .containsExactly(second.eventId(), first.eventId());

        ListingEvent third = TestListings.listing("consoles", "Wii " + kw, null, 100);
        try (SseClient watcher = EDGE.stream(TestEdges.unique(), "q=" + kw)) {
            TestListings.produce(third);
            watcher.listings(1, WAIT);
        }
        JsonNode polled = Http.json(Http.get(EDGE.port(), "/api/listings?q=" + kw + "&after="
                + recent.get("lastId").asText(), "Authorization", auth));

        assertThat(polled.get("reset").asBoolean()).isFalse();
        assertThat(polled.get("items")).extracting(n -> n.get("eventId").asText()).containsExactly(third.eventId());
        JsonNode again = Http.json(Http.get(EDGE.port(), "/api/listings?q=" + kw + "&after="
                + polled.get("lastId").asText(), "Authorization", auth));
        assertThat(again.get("items")).isEmpty();
    }

    @Test
    void shouldAnswerPollWithGarbageIdByReset() {
        JsonNode polled = Http.json(Http.get(EDGE.port(), "/api/listings?after=garbage", "Authorization",
                bearer(TestEdges.token(TestEdges.unique()))));

        assertThat(polled.get("reset").asBoolean()).isTrue();
        assertThat(polled.get("lastId").asText()).isNotBlank();
    }

    @Test
    void shouldSignInWithACookieAndStreamWithIt() throws Exception {
        String token = TestEdges.token(TestEdges.unique());

        HttpResponse<String> signIn = Http.post(EDGE.port(), "/api/session", "", "Authorization", bearer(token));
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("listcast_session=" + token).contains("HttpOnly", "SameSite=Strict", "Path=/api");
        String pair = cookie.substring(0, cookie.indexOf(';'));

        assertThat(Http.json(Http.get(EDGE.port(), "/api/session", "Cookie", pair)).get("subject").asText())
                .isEqualTo(Http.json(signIn).get("subject").asText());
        try (SseClient client = SseClient.open(EDGE.streamPort(), "/api/listings/stream", "Cookie", pair)) {
            assertThat(client.status()).isEqualTo(200);
        }
        assertThat(Http.delete(EDGE.port(), "/api/session", "Cookie", pair).headers().firstValue("Set-Cookie")
                .orElseThrow())
                .startsWith("listcast_session=;").contains("Max-Age=0");
    }

    @Test
    void shouldMintDemoSessionsWhenTheDevIssuerIsOn() {
        JsonNode users = Http.json(Http.get(EDGE.port(), "/api/dev/users"));
        JsonNode session = Http.json(Http.post(EDGE.port(), "/api/dev/session", "{\"subject\":\"grace\"}"));

        assertThat(users).extracting(n -> n.get("subject").asText()).contains("ada", "kemal", "sophie", "grace");
        assertThat(session.get("token").asText()).isNotBlank();
        assertThat(session.get("categories")).extracting(JsonNode::asText).containsExactly("consoles", "sneakers");
    }

    @Test
    void shouldBeReadyAndServeTaxonomyAndMetrics() {
        assertThat(Http.get(EDGE.port(), "/observe/health").statusCode()).isEqualTo(200);
        assertThat(Http.json(Http.get(EDGE.port(), "/api/taxonomy")).get("categories"))
                .extracting(JsonNode::asText).contains("sneakers", "other");
        assertThat(Http.post(EDGE.port(), "/api/telemetry/render", "{\"eventId\":\"1@x\",\"renderMs\":3.5}",
                "Content-Type", "text/plain").statusCode()).isEqualTo(204);
        assertThat(Http.metric(EDGE.port(), "listcast_edge_render_ms_count")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldServeTheUiWithIndexHtmlForEveryNonApiPath() {
        HttpResponse<String> root = Http.get(EDGE.port(), "/");
        HttpResponse<String> spaRoute = Http.get(EDGE.port(), "/feed/sneakers");
        HttpResponse<String> unknownApi = Http.get(EDGE.port(), "/api/nope");

        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.body()).contains("<html");
        assertThat(spaRoute.body()).isEqualTo(root.body());
        assertThat(unknownApi.statusCode()).isEqualTo(404);
        assertThat(Http.json(unknownApi).get("error").asText()).isEqualTo("not-found");
    }
}
