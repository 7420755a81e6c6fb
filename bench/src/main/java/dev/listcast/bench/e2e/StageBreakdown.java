package dev.listcast.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listcast.bench.stats.EventDeliveries;
import dev.listcast.bench.stats.LatencySummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits commit→received into the pipeline's stages from each event's own timestamps. The bench's commit time
 * replaces {@code listedAt}, which comes from the binlog with one-second precision. Receive times are turned into
 * wall time through the same event's commit (nanoTime and currentTimeMillis taken together), so no global clock
 * anchor drifts.
 */
public final class StageBreakdown {
    public static final String COMMIT_TO_CAPTURE = "commit→capture";
    public static final String CAPTURE_TO_PROCESSED = "capture→processed";
    public static final String PROCESSED_TO_EDGE = "processed→edge";
    public static final String EDGE_TO_CLIENT = "edge→client";

    private static final ObjectMapper JSON = new ObjectMapper();

    private StageBreakdown() {
    }

    public static Map<String, LatencySummary> of(List<EventDeliveries> events, Map<Long, Long> commitNanos,
            Map<Long, Long> commitMillis, boolean[] counted) {
        List<Double> capture = new ArrayList<>();
        List<Double> processed = new ArrayList<>();
        List<Double> edge = new ArrayList<>();
        List<Double> client = new ArrayList<>();
        for (EventDeliveries event : events) {
            Long nanos = commitNanos.get(event.itemId());
            Long millis = commitMillis.get(event.itemId());
            if (nanos == null || millis == null) {
                continue;
            }
            JsonNode json = parse(event.firstData());
            long capturedAt = json.path("capturedAt").asLong();
            long processedAt = json.path("processedAt").asLong();
            long edgeAt = json.path("edgeAt").asLong();
            capture.add((double) (capturedAt - millis));
            processed.add((double) (processedAt - capturedAt));
            if (edgeAt > 0) {
                edge.add((double) (edgeAt - processedAt));
                for (int s = 0; s < counted.length; s++) {
                    long received = event.receivedNanos()[s];
                    if (counted[s] && received != 0) {
                        client.add(millis + (received - nanos) / 1e6 - edgeAt);
                    }
                }
            }
        }
        Map<String, LatencySummary> stages = new LinkedHashMap<>();
        stages.put(COMMIT_TO_CAPTURE, summary(capture));
        stages.put(CAPTURE_TO_PROCESSED, summary(processed));
        stages.put(PROCESSED_TO_EDGE, summary(edge));
        stages.put(EDGE_TO_CLIENT, summary(client));
        return stages;
    }

    private static LatencySummary summary(List<Double> values) {
        return LatencySummary.of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static JsonNode parse(String data) {
        try {
            return JSON.readTree(data);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable listing event: " + data, e);
        }
    }
}
