/**
 * The feature module's implementation: loading the feature set, streaming events and
 * attributes out of PostgreSQL, and the catalogue page and API.
 */
package io.churnguard.app.feature.internal;
