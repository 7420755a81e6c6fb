package dev.listcast.devstack;

import dev.listcast.edge.auth.DevTokens;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Prints a JWT the running devstack accepts, for curl and scripts.
 *
 * <pre>curl -N -H "Authorization: Bearer $(./listcast token ada)" localhost:8080/api/listings/stream</pre>
 */
public final class TokenCommand {
    private static final Duration LIFETIME = Duration.ofHours(12);

    private TokenCommand() {
    }

    public static String mint(Endpoints endpoints, String subject) {
        Endpoints.Auth auth = endpoints.auth();
        return DevTokens.mint(auth.hs256Secret(), auth.issuer(), auth.audience(), subject, LIFETIME);
    }

    public static void main(String[] args) {
        Endpoints endpoints = Endpoints.readFrom(Path.of(args[0]));
        System.out.println(mint(endpoints, args.length > 1 ? args[1] : "ada"));
    }
}
