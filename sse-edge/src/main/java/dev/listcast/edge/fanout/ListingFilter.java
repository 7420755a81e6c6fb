package dev.listcast.edge.fanout;

import dev.listcast.edge.ApiException;
import dev.listcast.events.Taxonomy;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What one subscriber wants: categories (null for all), a case-insensitive keyword on title and description, and a
 * price range in cents (either end open).
 */
public record ListingFilter(Set<String> categories, String keyword, Long minPrice, Long maxPrice) {
    private static final int MAX_KEYWORD = 100;

    public ListingFilter {
        categories = categories == null ? null : Set.copyOf(categories);
        keyword = keyword == null || keyword.isBlank() ? null : keyword.strip().toLowerCase(Locale.ROOT);
        if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
            throw new IllegalArgumentException("minPrice " + minPrice + " is above maxPrice " + maxPrice);
        }
    }

    public boolean matches(EdgeEvent event) {
        return (categories == null || categories.contains(event.category()))
                && (minPrice == null || event.priceCents() >= minPrice)
                && (maxPrice == null || event.priceCents() <= maxPrice)
                && (keyword == null || event.searchText().contains(keyword));
    }

    /**
     * Reads {@code categories}, {@code q}, {@code minPrice} and {@code maxPrice}; 400 for anything malformed, 403 for a
     * category outside {@code allowed} (a token's {@code categories} claim; null allows every category). Without
     * requested categories a restricted user gets exactly the allowed ones.
     */
    public static ListingFilter parse(Function<String, Optional<String>> param, Taxonomy taxonomy, Set<String> allowed) {
        Set<String> requested = new LinkedHashSet<>();
        param.apply("categories").ifPresent(list -> Arrays.stream(list.split(","))
                .map(c -> c.strip().toLowerCase(Locale.ROOT)).filter(c -> !c.isEmpty()).forEach(requested::add));
        for (String category : requested) {
            if (!taxonomy.contains(category)) {
                throw ApiException.badRequest("unknown category: " + category);
            }
            if (allowed != null && !allowed.contains(category)) {
                throw ApiException.forbidden("category " + category + " is not allowed for this user");
            }
        }
        String keyword = param.apply("q").orElse(null);
        if (keyword != null && keyword.length() > MAX_KEYWORD) {
            throw ApiException.badRequest("q is longer than " + MAX_KEYWORD + " characters");
        }
        Long min = price(param, "minPrice");
        Long max = price(param, "maxPrice");
        if (min != null && max != null && min > max) {
            throw ApiException.badRequest("minPrice " + min + " is above maxPrice " + max);
        }
        Set<String> categories = requested.isEmpty() ? allowed : requested;
        return new ListingFilter(categories, keyword, min, max);
    }

    private static Long price(Function<String, Optional<String>> param, String name) {
        Optional<String> text = param.apply(name).map(String::strip).filter(s -> !s.isEmpty());
        if (text.isEmpty()) {
            return null;
        }
        try {
            long cents = Long.parseLong(text.get());
            if (cents < 0) {
                throw ApiException.badRequest(name + " must not be negative: " + cents);
            }
            return cents;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " is not a whole number of cents: '" + text.get() + "'");
        }
    }
}
