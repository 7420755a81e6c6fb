package dev.listcast.bench.stats;

/**
 * What a run delivered, measured from each event's origin (its commit, or its publish) to each subscriber.
 *
 * @param expected events times subscribers that were connected
 * @param losses expected deliveries that never arrived
 * @param duplicates repeats of an event id at the same subscriber
 * @param perDelivery origin to received, every delivery
 * @param timeToAll origin to the last subscriber receiving it, one sample per event that reached everyone
 * @param incompleteEvents events some subscriber never received (left out of {@code timeToAll})
 * @param unreadable listing frames without an {@code eventId}
 */
public record DeliveryStats(long expected, long delivered, long losses, long duplicates, LatencySummary perDelivery,
        LatencySummary timeToAll, long incompleteEvents, long unreadable) {
}
