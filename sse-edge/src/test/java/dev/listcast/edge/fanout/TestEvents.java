package dev.listcast.edge.fanout;

import dev.listcast.edge.source.SourcedRecord;
import dev.listcast.events.ListingEvent;
import dev.listcast.events.ListingJson;
import dev.listcast.events.ListingKind;

/** Edge events built the production way, from listing JSON at a partition and offset. */
final class TestEvents {
    private TestEvents() {
    }

    static EdgeEvent event(String partition, long offset, long timestamp) {
        return event(partition, offset, timestamp, "sneakers", "Air Jordan", null, 12_900);
    }

    static EdgeEvent event(String partition, long offset, long timestamp, String category, String title,
            String description, long price) {
        return EdgeEvents.encode(new SourcedRecord(partition, offset, timestamp, ListingJson.encode(
                listing(partition, offset, timestamp, category, title, description, price))), timestamp + 1);
    }

    /** The listing event stored at {@code offset} of {@code partition}: its item id is offset + 1. */
    static ListingEvent listing(String partition, long offset, long timestamp, String category, String title,
            String description, long price) {
        long itemId = offset + 1;
        return new ListingEvent(itemId + "@" + partition + ":" + offset, ListingKind.LISTING, itemId,
                title, description, category, price, null, "EUR", "new", null, 7, "Ada", 4.8, timestamp, timestamp,
                timestamp, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    }
}
