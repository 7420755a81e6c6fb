/**
 * The listing rules, free of any bus: detect a listing, relisting or price drop in an item change
 * ({@link dev.listcast.processor.listing.ListingDetector}), normalise and validate it
 * ({@link dev.listcast.processor.listing.ListingValidator}), enrich it with its seller
 * ({@link dev.listcast.processor.listing.ListingEnricher}); {@link dev.listcast.processor.listing.ListingRules}
 * strings them together for a runner. Decisions are values ({@link dev.listcast.processor.listing.Outcome}), so
 * the Kafka Streams runner and a Redis Streams runner route them the same way.
 */
package dev.listcast.processor.listing;
