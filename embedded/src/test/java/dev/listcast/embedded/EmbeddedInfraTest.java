package dev.listcast.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class EmbeddedInfraTest {

    @Test
    void shouldRoundTripARecordThroughTheBroker() throws Exception {
        String bootstrap = SharedInfra.kafka().bootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic("embedded.roundtrip", 1, (short) 1))).all().get();
        }
        Properties producerProps = new Properties();
        producerProps.put("bootstrap.servers", bootstrap);
        try (var producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("embedded.roundtrip", "hello".getBytes(StandardCharsets.UTF_8))).get();
        }
        Properties consumerProps = new Properties();
        consumerProps.put("bootstrap.servers", bootstrap);
        consumerProps.put("group.id", "embedded-test");
        consumerProps.put("auto.offset.reset", "earliest");
        try (var consumer = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("embedded.roundtrip"));
            ConsumerRecord<byte[], byte[]> record = null;
            for (int i = 0; i < 50 && record == null; i++) {
                var records = consumer.poll(Duration.ofMillis(200));
                record = records.isEmpty() ? null : records.iterator().next();
            }
            assertThat(record).isNotNull();
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("hello");
        }
    }

    @Test
    void shouldRefuseToAutoCreateTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedInfra.kafka().bootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).doesNotContain("never.created");
        }
    }

    @Test
    void shouldServeTheMarketSchemaWithRowBinlogToTheAppUser() throws Exception {
        DatabaseEndpoint app = SharedInfra.mariaDb().endpoint();
        try (Connection connection = DriverManager.getConnection(app.jdbcUrl(), app.user(), app.password());
             Statement statement = connection.createStatement()) {
            ResultSet format = statement.executeQuery("SELECT @@binlog_format, @@log_bin");
            format.next();
            assertThat(format.getString(1)).isEqualTo("ROW");
            assertThat(format.getInt(2)).isEqualTo(1);
            ResultSet sellers = statement.executeQuery("SELECT COUNT(*) FROM sellers WHERE id BETWEEN 1 AND 5");
            sellers.next();
            assertThat(sellers.getInt(1)).isEqualTo(5);
            assertThat(statement.executeUpdate(
                    "INSERT INTO items (seller_id, title, category, price_cents, status) VALUES (1, 'probe', 'bikes', 100, 'LISTED')"))
                    .isEqualTo(1);
        }
    }

    @Test
    void shouldLetTheCdcUserReadTheBinlog() throws Exception {
        DatabaseEndpoint cdc = SharedInfra.mariaDb().cdcEndpoint();
        try (Connection connection = DriverManager.getConnection(cdc.jdbcUrl(), cdc.user(), cdc.password());
             Statement statement = connection.createStatement()) {
            ResultSet status = statement.executeQuery("SHOW MASTER STATUS");
            assertThat(status.next()).isTrue();
            assertThat(status.getString(1)).startsWith("mariadb-bin.");
        }
    }
}
