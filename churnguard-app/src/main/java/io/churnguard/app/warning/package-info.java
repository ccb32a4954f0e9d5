/**
 * Early warnings (预警): levels I–IV from risk band × value grade and from business rules,
 * one open warning per customer and cause, routed to the right owner with an SLA,
 * escalated when the SLA passes, worked through new → assigned → in progress → closed
 * with an outcome, and evaluated against actual churn.
 */
package io.churnguard.app.warning;
