package dev.listcast.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.sql.SQLTransientConnectionException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.Test;

class EngineFailuresTest {

    @Test
    void shouldRetryConnectionLossDeepInCauseChain() {
        Throwable failure = new ConnectException("An exception occurred in the change event producer.",
                new IllegalStateException("binlog reader failed", new EOFException("Failed to read next byte")));

        assertThat(EngineFailures.isRetriable(failure)).isTrue();
    }

    @Test
    void shouldRetryFailedSqlConnection() {
        assertThat(EngineFailures.isRetriable(new SQLTransientConnectionException("Connection refused"))).isTrue();
    }

    @Test
    void shouldRetryWhatDebeziumMarkedRetriable() {
        assertThat(EngineFailures.isRetriable(new RetriableException("connector will be restarted"))).isTrue();
    }

    @Test
    void shouldRetryBusTimeout() {
        Throwable failure = new IllegalStateException("bus did not acknowledge", new TimeoutException("expired"));

        assertThat(EngineFailures.isRetriable(failure)).isTrue();
    }

    @Test
    void shouldNotRetryConfigurationError() {
        Throwable failure = new ConnectException("Error configuring an instance of MariaDbConnector",
                new IllegalArgumentException("database.server.id is invalid"));

        assertThat(EngineFailures.isRetriable(failure)).isFalse();
    }

    @Test
    void shouldStopWalkingCyclicCauseChain() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalStateException second = new IllegalStateException("second", first);
        first.initCause(second);

        assertThat(EngineFailures.isRetriable(first)).isFalse();
    }
}
