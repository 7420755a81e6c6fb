package dev.listcast.edge.observe;

import dev.listcast.edge.source.ListingSource;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/** Ready once the listing source is assigned its partitions: before that, a stream would silently miss events. */
public final class SourceReadiness implements HealthCheck {
    private final ListingSource source;

    public SourceReadiness(ListingSource source) {
        this.source = source;
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return "listing-source";
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.builder().status(source.isReady()).build();
    }
}
