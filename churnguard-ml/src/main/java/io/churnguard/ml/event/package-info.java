/**
 * The behaviour event vocabulary shared by the simulator, the importers and the feature
 * engine: one record type and one closed set of event types, so that every component
 * reads events the same way.
 */
package io.churnguard.ml.event;
