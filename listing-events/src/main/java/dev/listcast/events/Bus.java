package dev.listcast.events;

import java.util.Locale;

/** Which bus carries records between the stages: Kafka (the default) or Redis Streams ({@code LISTCAST_BUS}). */
public enum Bus {
    KAFKA, REDIS;

    public static Bus of(Settings settings) {
        return named(settings.get("bus", "kafka"));
    }

    /** The bus called {@code name} (any case). */
    public static Bus named(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting bus (LISTCAST_BUS) must be kafka or redis: '" + name + "'", e);
        }
    }
}
