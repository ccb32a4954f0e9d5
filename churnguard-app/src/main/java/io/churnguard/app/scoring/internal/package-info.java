/**
 * The scoring module's implementation: the JDBC registry, model cards, training from the
 * archive, the scoring job, and the console and API.
 */
package io.churnguard.app.scoring.internal;
