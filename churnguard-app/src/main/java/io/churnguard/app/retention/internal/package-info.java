/**
 * The retention module's implementation: the policies (contact frequency, contact
 * permission, control-group eligibility, campaign approval) as plain classes, the use
 * cases named as actions, JDBC stores, the console pages and the API.
 */
package io.churnguard.app.retention.internal;
