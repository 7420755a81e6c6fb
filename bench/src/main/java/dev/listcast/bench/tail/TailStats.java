package dev.listcast.bench.tail;

import dev.listcast.bench.stats.LatencySummary;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What one consumer saw of the records a run sent: each expected record's latency from its origin to its arrival
 * (two instants on the same clock, in milliseconds), and what was lost, repeated or not ours.
 *
 * @param expected records the run sent (or committed)
 * @param received expected records seen at least once
 * @param losses expected records never seen
 * @param duplicates copies beyond the first of expected records
 * @param strays records seen that the run did not send (another writer on the topic)
 */
public record TailStats(long expected, long received, long losses, long duplicates, long strays,
        LatencySummary latency) {

    /**
     * @param originMillis when each expected record started, by item id
     * @param arrivalMillis when each record seen first arrived, by item id, on the origin's clock
     * @param copies how often each record was seen, by item id
     */
    public static TailStats of(Map<Long, Double> originMillis, Map<Long, Double> arrivalMillis,
            Map<Long, Integer> copies) {
        double[] latencies = new double[originMillis.size()];
        int received = 0;
        long duplicates = 0;
        for (Map.Entry<Long, Double> origin : originMillis.entrySet()) {
            Double arrival = arrivalMillis.get(origin.getKey());
            if (arrival != null) {
                latencies[received++] = arrival - origin.getValue();
                duplicates += Math.max(0, copies.getOrDefault(origin.getKey(), 1) - 1);
            }
        }
        long strays = arrivalMillis.keySet().stream().filter(id -> !originMillis.containsKey(id)).count();
        return new TailStats(originMillis.size(), received, originMillis.size() - received, duplicates, strays,
                LatencySummary.of(Arrays.copyOf(latencies, received)));
    }

    /** One instant per item id, in milliseconds, read from each value with {@code millis}. */
    public static <T> Map<Long, Double> millis(Map<Long, T> byId, ToDoubleFunction<T> millis) {
        Map<Long, Double> out = new HashMap<>(byId.size() * 2);
        byId.forEach((id, value) -> out.put(id, millis.applyAsDouble(value)));
        return out;
    }
}
