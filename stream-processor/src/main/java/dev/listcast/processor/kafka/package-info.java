/**
 * The Kafka Streams runner of the listing rules: {@link dev.listcast.processor.kafka.ListingTopology} (the
 * topology and its tuned configuration), {@link dev.listcast.processor.kafka.ListingStreams} (topics created,
 * streams started and running) and {@link dev.listcast.processor.kafka.ProcessorMain} (standalone process).
 */
package dev.listcast.processor.kafka;
