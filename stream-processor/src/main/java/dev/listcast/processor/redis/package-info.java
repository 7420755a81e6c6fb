/**
 * The Redis Streams runner of the listing rules, the optional second bus:
 * {@link dev.listcast.processor.redis.RedisListingWorkers} (consumer-group workers, started and stopped as one) and
 * {@link dev.listcast.processor.redis.RedisProcessorSettings} (its settings). Streams are named exactly like the
 * Kafka topics ({@code market.items.changes}, {@code listings.<category>}, {@code listings.dlq}), each entry laid
 * out as fields {@code key}, {@code value} (raw bytes) and {@code traceparent}.
 */
package dev.listcast.processor.redis;
