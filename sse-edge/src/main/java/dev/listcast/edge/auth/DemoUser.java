package dev.listcast.edge.auth;

import java.util.List;
import java.util.Objects;

/**
 * A user the dev issuer can sign in as.
 *
 * @param categories the categories this user is limited to, or null for all
 */
public record DemoUser(String subject, String name, List<String> categories) {
    /** The demo cast: three unrestricted buyers and one who only follows sneakers and consoles. */
    public static final List<DemoUser> ALL = List.of(
            new DemoUser("ada", "Ada Lovelace", null),
            new DemoUser("kemal", "Kemal Aydın", null),
            new DemoUser("sophie", "Sophie Germain", null),
            new DemoUser("grace", "Grace Hopper", List.of("sneakers", "consoles")));

    public DemoUser {
        Objects.requireNonNull(subject, "subject == null");
        Objects.requireNonNull(name, "name == null");
        categories = categories == null ? null : List.copyOf(categories);
    }
}
