package dev.listcast.cdc;

/** {@link CdcStatus} as JMX metrics ({@code dev.listcast:type=cdc-ingest}), for any JMX or Prometheus scraper. */
public interface CdcStatusMXBean {
    boolean isConnected();

    String getLastPosition();

    long getLastCommitToCaptureMillis();

    long getRecordsPublished();

    long getDeadLetters();
}
