/**
 * The behaviour event vocabulary shared by the simulator, the importers and the feature
 * engine: one record type and one closed set of event types, so that every component
 * reads events the same way. Also the validating readers of {@code events.csv} and
 * {@code customers.csv}, whose per-row parse the importers reuse, the streaming reader of
 * events Parquet files, and the customer attributes the feature engine reads.
 */
package io.churnguard.ml.event;
