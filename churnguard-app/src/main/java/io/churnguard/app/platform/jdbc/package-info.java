/**
 * Bulk loading through PostgreSQL's COPY, shared by the modules that load many rows at
 * once (the customer archive, the event log).
 */
package io.churnguard.app.platform.jdbc;
