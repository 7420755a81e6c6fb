package dev.listcast.cdc;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** Publishes the live {@link CdcStatus} as the {@code dev.listcast:type=cdc-ingest} MXBean while capture runs. */
final class CdcStatusMetrics implements CdcStatusMXBean, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(CdcStatusMetrics.class.getName());
    private static final String NAME = "dev.listcast:type=cdc-ingest";

    private final Supplier<CdcStatus> status;
    private final ObjectName name;

    private CdcStatusMetrics(Supplier<CdcStatus> status, ObjectName name) {
        this.status = status;
        this.name = name;
    }

    /** Registers the bean; a second engine in the same JVM (tests) replaces the first one's. */
    static CdcStatusMetrics register(Supplier<CdcStatus> status) {
        try {
            ObjectName name = new ObjectName(NAME);
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            CdcStatusMetrics metrics = new CdcStatusMetrics(status, name);
            server.registerMBean(metrics, name);
            return metrics;
        } catch (JMException e) {
            throw new IllegalStateException("cannot register " + NAME, e);
        }
    }

    @Override
    public boolean isConnected() {
        return status.get().connected();
    }

    @Override
    public String getLastPosition() {
        return status.get().lastPosition();
    }

    @Override
    public long getLastCommitToCaptureMillis() {
        return status.get().lastCommitToCaptureMillis();
    }

    @Override
    public long getRecordsPublished() {
        return status.get().recordsPublished();
    }

    @Override
    public long getDeadLetters() {
        return status.get().deadLetters();
    }

    @Override
    public void close() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
        } catch (JMException e) {
            LOG.warning(() -> "cannot unregister " + NAME + ": " + e.getMessage());
        }
    }
}
