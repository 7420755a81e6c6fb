package dev.listcast.events;

import static dev.listcast.events.Checks.checkArgument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The listing categories, read from one file ({@code listcast/taxonomy.txt}) shared by every stage. Each
 * category has a topic; anything else routes to {@value #OTHER}.
 */
public final class Taxonomy {
    public static final String OTHER = "other";
    private static final String RESOURCE = "/listcast/taxonomy.txt";

    private final Set<String> categories;

    private Taxonomy(Set<String> categories) {
        checkArgument(categories.contains(OTHER), "taxonomy lacks '%s': %s", OTHER, categories);
        categories.forEach(Topics::listings);
        this.categories = Collections.unmodifiableSet(categories);
    }

    /** The taxonomy shipped with Listcast. */
    public static Taxonomy standard() {
        try (InputStream in = Taxonomy.class.getResourceAsStream(RESOURCE)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** One category per line; blank lines and {@code #} comments are skipped. */
    public static Taxonomy parse(String text) {
        Set<String> categories = new LinkedHashSet<>();
        text.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .forEach(categories::add);
        return new Taxonomy(categories);
    }

    public static Taxonomy of(List<String> categories) {
        return new Taxonomy(new LinkedHashSet<>(categories));
    }

    public Set<String> categories() {
        return categories;
    }

    public boolean contains(String category) {
        return categories.contains(category);
    }

    /** The category a listing routes to: the normalised name when known, otherwise {@value #OTHER}. */
    public String route(String category) {
        if (category == null) {
            return OTHER;
        }
        String normalised = category.strip().toLowerCase(Locale.ROOT);
        return categories.contains(normalised) ? normalised : OTHER;
    }
}
