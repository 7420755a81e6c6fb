package dev.listcast.edge.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Who a verified token speaks for.
 *
 * @param categories the token's {@code categories} claim: the only categories this user may subscribe to; null
 *     when unrestricted
 */
public record Principal(String subject, String name, Instant expiresAt, Set<String> categories) {
    public Principal {
        Objects.requireNonNull(subject, "subject == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(expiresAt, "expiresAt == null");
        categories = categories == null ? null : Set.copyOf(categories);
    }
}
