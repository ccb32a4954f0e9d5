/**
 * Who may do what, and the record of what they did: users and roles with their data
 * scopes, authentication with lockout and throttling, API tokens, password policy, and
 * the tamper-evident audit log that every other module writes to.
 */
package io.churnguard.app.security;
