package dev.listcast.processor.kafka;

import dev.listcast.events.Taxonomy;
import dev.listcast.events.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics the processor reads and writes, at start-up and on purpose (the broker never auto-creates):
 * every {@code listings.<category>} of the taxonomy and {@code listings.dlq}, and the input topics too, so the
 * processor and cdc-ingest may start in either order. Existing topics are left as they are.
 */
final class ListingTopics {
    /** Partitions of the item changes topic when the processor creates it; the same as cdc-ingest uses. */
    static final int ITEM_PARTITIONS = 3;
    private static final Logger LOG = Logger.getLogger(ListingTopics.class.getName());

    private ListingTopics() {
    }

    static void ensure(ProcessorSettings settings, Taxonomy taxonomy) {
        short replication = (short) settings.replicationFactor();
        List<NewTopic> topics = new ArrayList<>();
        for (String category : taxonomy.categories()) {
            // The edge's resume ids are broker timestamps: log-append time makes them monotonic per partition,
            // so offsetsForTimes finds exactly where a reconnecting browser left off.
            topics.add(new NewTopic(Topics.listings(category), settings.listingsPartitions(), replication)
                    .configs(Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime")));
        }
        // Dead letters are rare and read by people: one partition keeps them in order (as cdc-ingest creates it).
        topics.add(new NewTopic(Topics.DEAD_LETTERS, 1, replication));
        topics.add(new NewTopic(Topics.ITEM_CHANGES, ITEM_PARTITIONS, replication));
        // The sellers topic feeds a table: only the latest change per seller matters.
        topics.add(new NewTopic(Topics.SELLER_CHANGES, ITEM_PARTITIONS, replication)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(topic -> !existing.contains(topic.name())).toList();
            if (missing.isEmpty()) {
                return;
            }
            admin.createTopics(missing).values().forEach((name, future) -> {
                try {
                    future.get(30, TimeUnit.SECONDS);
                    LOG.info(() -> "created topic " + name);
                } catch (ExecutionException e) {
                    // Another stage (or instance) created it between our listing and our creating: fine.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + name, e.getCause());
                    }
                } catch (TimeoutException | InterruptedException e) {
                    throw new IllegalStateException("cannot create topic " + name, e);
                }
            });
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            throw new IllegalStateException("cannot list topics on " + settings.bootstrap(), e);
        }
    }
}
