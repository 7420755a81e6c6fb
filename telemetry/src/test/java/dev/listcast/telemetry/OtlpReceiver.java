package dev.listcast.telemetry;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A collector's OTLP/HTTP endpoint on loopback: decodes what {@code POST /v1/traces} receives, as a collector does.
 * Shared as a test-jar, so the pipeline's end-to-end tests check the traces the services really ship.
 */
public final class OtlpReceiver implements AutoCloseable {
    private final HttpServer server;
    private final LinkedBlockingQueue<ResourceSpans> received = new LinkedBlockingQueue<>();

    public OtlpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                received.addAll(ExportTraceServiceRequest.parseFrom(body).getResourceSpansList());
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next batch of one service's spans, waiting up to {@code seconds}; null if none came. */
    public ResourceSpans next(long seconds) throws InterruptedException {
        return received.poll(seconds, TimeUnit.SECONDS);
    }

    /**
     * The spans of trace {@code traceId} received until {@code count} of them came or {@code timeout} passed;
     * batches of other traces are consumed and dropped.
     */
    public List<ReceivedSpan> awaitTrace(String traceId, int count, Duration timeout) throws InterruptedException {
        List<ReceivedSpan> trace = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (trace.size() < count && System.nanoTime() < deadline) {
            ResourceSpans batch = received.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000),
                    TimeUnit.MILLISECONDS);
            if (batch == null) {
                break;
            }
            String service = batch.getResource().getAttributesList().stream()
                    .filter(a -> a.getKey().equals("service.name")).findFirst()
                    .map(a -> a.getValue().getStringValue()).orElse(null);
            batch.getScopeSpansList().stream().flatMap(scope -> scope.getSpansList().stream())
                    .map(span -> new ReceivedSpan(service, span.getName(), hex(span.getTraceId().toByteArray()),
                            hex(span.getSpanId().toByteArray()), hex(span.getParentSpanId().toByteArray()),
                            span.getStartTimeUnixNano(), span.getEndTimeUnixNano()))
                    .filter(span -> span.traceId().equals(traceId))
                    .forEach(trace::add);
        }
        return trace;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * One received span, ids in hex.
     *
     * @param parentSpanId empty for a trace's first span
     */
    public record ReceivedSpan(String service, String name, String traceId, String spanId, String parentSpanId,
            long startEpochNanos, long endEpochNanos) {
    }
}
