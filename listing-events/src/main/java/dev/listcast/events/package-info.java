/**
 * The Listcast contract shared by every stage: change records captured from the database, the enriched
 * {@link dev.listcast.events.ListingEvent}, their JSON codec, topic names, the category taxonomy and the
 * W3C trace context carried on every record. Nothing here knows Kafka, Redis, Debezium or Helidon.
 */
package dev.listcast.events;
