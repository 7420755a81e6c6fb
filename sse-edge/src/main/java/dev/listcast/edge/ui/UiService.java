package dev.listcast.edge.ui;

import dev.listcast.edge.ApiException;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.staticcontent.StaticContentService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The built Vue app, from the classpath folder {@code listcast-web/} (the {@code vue-web} jar): files as they are,
 * {@code index.html} for {@code /} and for every other non-API path, so the SPA's own routes survive a reload.
 * Unknown {@code /api} paths stay JSON 404s.
 */
public final class UiService implements HttpService {
    private final String root;
    private final StaticContentService files;

    public UiService(String root) {
        this.root = root;
        this.files = StaticContentService.builder(root).welcomeFileName("index.html").build();
    }

    @Override
    public void routing(HttpRules rules) {
        rules.register(files)
                .get("/*", this::fallback);
    }

    private void fallback(ServerRequest req, ServerResponse res) {
        String path = req.path().path();
        if (path.startsWith("/api/") || path.equals("/api")) {
            throw ApiException.notFound("no endpoint " + path);
        }
        if (path.startsWith("/observe")) {
            res.next();
            return;
        }
        try (InputStream index = UiService.class.getClassLoader().getResourceAsStream(root + "/index.html")) {
            if (index == null) {
                throw ApiException.notFound("the UI is not packaged with this edge (no " + root + "/index.html)");
            }
            res.header(HeaderValues.create("Content-Type", "text/html; charset=utf-8"));
            res.header(HeaderValues.CACHE_NO_CACHE);
            res.send(index.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
