package dev.listcast.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** The two things buyers are told about; the wire name is also the SSE event name. */
public enum ListingKind {
    LISTING("listing"), PRICE_DROP("price-drop");

    private final String wireName;

    ListingKind(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
