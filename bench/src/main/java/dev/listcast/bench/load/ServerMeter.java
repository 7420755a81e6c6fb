package dev.listcast.bench.load;

import dev.listcast.bench.proc.ProcessUsage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Samples a server at the phase boundaries of a round: before connecting, connected, after an idle window, and
 * after delivering. Call the phases in that order.
 */
public final class ServerMeter {
    private final String process;
    private final ProcessUsage usage;
    private ProcessUsage.Sample before;
    private ProcessUsage.Sample connected;
    private ProcessUsage.Sample idleEnd;
    private double idleCpuMillisPerSecond;

    public ServerMeter(String process, ProcessUsage usage) {
        this.process = process;
        this.usage = usage;
    }

    public void beforeConnecting() {
        before = usage.sample();
    }

    /** Lets the server settle for {@code idle} after connecting, sampling at both ends. */
    public void connectedThenIdle(Duration idle) throws InterruptedException {
        connected = usage.sample();
        Thread.sleep(idle.toMillis());
        idleEnd = usage.sample();
        idleCpuMillisPerSecond = (idleEnd.cpuMillis() - connected.cpuMillis()) / seconds(connected, idleEnd);
    }

    public ServerUsage afterDelivering(int subscribers, long deliveries) {
        ProcessUsage.Sample end = usage.sample();
        long cpu = end.cpuMillis() - idleEnd.cpuMillis();
        double window = seconds(idleEnd, end);
        double perDelivery = deliveries == 0 ? 0 : cpu * 1000.0 / deliveries;
        double corrected = deliveries == 0 ? 0
                : Math.max(0, cpu - idleCpuMillisPerSecond * window) * 1000.0 / deliveries;
        return new ServerUsage(process, usage.pids(), before.rssKiB(), connected.rssKiB(),
                subscribers == 0 ? 0 : (connected.rssKiB() - before.rssKiB()) / (double) subscribers,
                connected.cpuMillis() - before.cpuMillis(), idleCpuMillisPerSecond, cpu, window, perDelivery,
                corrected, busiest(idleEnd.threadCpuMillis(), end.threadCpuMillis()));
    }

    /** The eight thread groups that used the most CPU between two samples. */
    static Map<String, Long> busiest(Map<String, Long> from, Map<String, Long> to) {
        Map<String, Long> busiest = new LinkedHashMap<>();
        to.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - from.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(8)
                .forEach(e -> busiest.put(e.getKey(), e.getValue()));
        return busiest;
    }

    private static double seconds(ProcessUsage.Sample from, ProcessUsage.Sample to) {
        return Math.max(1e-3, (to.nanos() - from.nanos()) / 1e9);
    }
}
