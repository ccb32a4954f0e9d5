/**
 * The security module's implementation: Spring Security configuration, JDBC repositories
 * for users, login failures, API tokens and the audit chain, and the console and API
 * controllers.
 */
package io.churnguard.app.security.internal;
