package dev.listcast.bench.load;

import java.util.List;
import java.util.Map;

/**
 * A server's cost in one round, from {@code /proc}: RSS (heap and native alike) and CPU (utime + stime).
 *
 * @param rssPerSubscriberKiB RSS growth from before connecting to after, divided by the subscribers connected
 * @param idleCpuMillisPerSecond CPU burnt with every subscriber connected and nothing published (pings, pollers)
 * @param cpuMicrosPerDelivery CPU while delivering divided by deliveries
 * @param cpuMicrosPerDeliveryIdleCorrected the same after subtracting the idle burn over the delivery window
 * @param busiestThreadsMillis CPU while delivering by thread group, busiest first: in a shared JVM (devstack) it
 *     shows what was the edge's fan-out and what was JIT, GC, broker or Streams
 */
public record ServerUsage(String process, List<Long> pids, long rssBeforeKiB, long rssConnectedKiB,
        double rssPerSubscriberKiB, long cpuMillisConnecting, double idleCpuMillisPerSecond,
        long cpuMillisDelivering, double deliveringSeconds, double cpuMicrosPerDelivery,
        double cpuMicrosPerDeliveryIdleCorrected, Map<String, Long> busiestThreadsMillis) {
}
