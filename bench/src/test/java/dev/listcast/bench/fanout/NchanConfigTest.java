package dev.listcast.bench.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NchanConfigTest {
    @Test
    void shouldListenOnLoopbackWithOneWorkerSizedForTheSubscribers() {
        String conf = NchanConfig.render(18081, 20000);

        assertThat(conf).contains("listen 127.0.0.1:18081", "worker_processes 1;", "worker_rlimit_nofile 20000;",
                "worker_connections 20000;", "nchan_subscriber eventsource;", "nchan_publisher;");
    }
}
