package dev.listcast.bench.stats;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Turns a {@link DeliveryLog} and the events' origin times into {@link DeliveryStats}. */
public final class DeliveryAnalysis {
    private DeliveryAnalysis() {
    }

    /**
     * @param originNanosByItem when each expected event started (commit or publish), keyed by item id
     * @param counted the subscribers whose deliveries count (those that connected)
     */
    public static DeliveryStats analyse(DeliveryLog log, Map<Long, Long> originNanosByItem, boolean[] counted) {
        Map<Long, EventDeliveries> byItem = new HashMap<>();
        for (EventDeliveries event : log.events()) {
            byItem.putIfAbsent(event.itemId(), event);
        }
        int subscribers = 0;
        for (boolean c : counted) {
            subscribers += c ? 1 : 0;
        }
        double[] latencies = new double[(int) Math.min(Integer.MAX_VALUE - 8,
                (long) subscribers * originNanosByItem.size())];
        double[] toAll = new double[originNanosByItem.size()];
        int samples = 0;
        int complete = 0;
        long losses = 0;
        for (Map.Entry<Long, Long> origin : originNanosByItem.entrySet()) {
            EventDeliveries event = byItem.get(origin.getKey());
            long last = Long.MIN_VALUE;
            boolean all = true;
            for (int s = 0; s < counted.length; s++) {
                if (!counted[s]) {
                    continue;
                }
                long received = event == null ? 0 : event.receivedNanos()[s];
                if (received == 0) {
                    losses++;
                    all = false;
                } else {
                    latencies[samples++] = (received - origin.getValue()) / 1e6;
                    last = Math.max(last, received);
                }
            }
            if (all && subscribers > 0) {
                toAll[complete++] = (last - origin.getValue()) / 1e6;
            }
        }
        return new DeliveryStats((long) subscribers * originNanosByItem.size(), samples, losses, log.duplicates(),
                LatencySummary.of(Arrays.copyOf(latencies, samples)),
                LatencySummary.of(Arrays.copyOf(toAll, complete)), originNanosByItem.size() - complete,
                log.unreadable());
    }
}
