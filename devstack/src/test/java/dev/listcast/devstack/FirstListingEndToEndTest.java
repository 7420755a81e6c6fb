package dev.listcast.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.listcast.events.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The thinnest real path, all real parts in one JVM: an INSERT of a LISTED item reaches a signed-in SSE
 * subscriber as a {@code listing} event carrying the item, its price, category and seller.
 */
class FirstListingEndToEndTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    private static DevStack stack;

    @BeforeAll
    static void startDevStack() {
        stack = DevStack.start(Settings.of(Map.of(
                "dev.dir", dir.toString(), "edge.port", "0", "stream.port", "0", "dev.db.port", "0")));
    }

    @AfterAll
    static void stopDevStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldDescribeItselfInEndpointsJson() {
        Endpoints written = Endpoints.readFrom(dir.resolve("dev").resolve("endpoints.json"));
        assertThat(written).isEqualTo(stack.endpoints());
        assertThat(written.mariadb().database()).isEqualTo("market");
        assertThat(Files.exists(dir.resolve("dev").resolve("endpoints.json"))).isTrue();
    }

    @Test
    void shouldRefuseTheStreamWithoutAToken() throws Exception {
        HttpResponse<String> response = HTTP.send(streamRequest().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"error\":\"unauthorized\"");
    }

    @Test
    void shouldDeliverAnInsertedListingToASignedInSubscriber() throws Exception {
        String token = TokenCommand.mint(stack.endpoints(), "ada");
        HttpResponse<Stream<String>> response = HTTP.send(
                streamRequest().header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        Iterator<String> lines = response.body().iterator();
        assertThat(lines.next()).startsWith("retry:");

        long itemId = PipelineProbe.insertListedItem(stack.endpoints().mariadb().toEndpoint(), "Air Jordan 1 Retro 'Chicago' 👟", "sneakers", 24900, 2);

        JsonNode listing = CompletableFuture.supplyAsync(() -> PipelineProbe.nextListing(lines, itemId))
                .get(60, TimeUnit.SECONDS);
        response.body().close();
        assertThat(listing.get("itemId").asLong()).isEqualTo(itemId);
        assertThat(listing.get("title").asText()).isEqualTo("Air Jordan 1 Retro 'Chicago' 👟");
        assertThat(listing.get("priceCents").asLong()).isEqualTo(24900);
        assertThat(listing.get("category").asText()).isEqualTo("sneakers");
        assertThat(listing.get("sellerName").asText()).isEqualTo("Kicks by Kemal");
        assertThat(listing.get("kind").asText()).isEqualTo("listing");
        assertThat(listing.get("traceparent").asText()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    private static HttpRequest.Builder streamRequest() {
        return HttpRequest.newBuilder(URI.create(stack.endpoints().streamUrl() + "/api/listings/stream"))
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(90));
    }
}
