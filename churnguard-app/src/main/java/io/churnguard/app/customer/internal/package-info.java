/**
 * The customer archive's implementation: JDBC repositories, bulk loading through COPY,
 * queries restricted to the viewer's data scope, masking, grading, and the console and
 * API controllers.
 */
package io.churnguard.app.customer.internal;
