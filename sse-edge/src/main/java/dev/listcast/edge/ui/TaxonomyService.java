package dev.listcast.edge.ui;

import dev.listcast.edge.Json;
import dev.listcast.events.Taxonomy;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/taxonomy}: the categories a user can filter by (public).
 *
 * <pre>
 * curl http://localhost:8080/api/taxonomy
 * </pre>
 */
public final class TaxonomyService implements HttpService {
    private final byte[] body;

    public TaxonomyService(Taxonomy taxonomy) {
        this.body = Json.bytes(Map.of("categories", List.copyOf(taxonomy.categories())));
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> {
            res.header(HeaderValues.CONTENT_TYPE_JSON);
            res.send(body);
        });
    }
}
