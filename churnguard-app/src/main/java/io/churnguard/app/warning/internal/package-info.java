/**
 * The warning module's implementation: the level matrix and rules (CEL), raising with
 * de-duplication and suppression, routing, SLA escalation, the lifecycle, evaluation, the
 * real-time path, and the workbench and API.
 */
package io.churnguard.app.warning.internal;
