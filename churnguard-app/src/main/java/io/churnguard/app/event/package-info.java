/**
 * The behaviour event log: usage, bills, payments, orders, complaints, contacts, digital
 * behaviour, plan changes and churn, partitioned by month. Loading is idempotent by event
 * id and time; events of customers the archive does not know are reported, never silently
 * dropped.
 */
package io.churnguard.app.event;
