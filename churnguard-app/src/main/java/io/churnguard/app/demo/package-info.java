/**
 * The demo workspace behind {@code ./churnguard demo}: on first start it fills an empty
 * archive with a simulated company ending today, creates a user for each role, and runs
 * the regular jobs on it, so a new user has a living company to explore.
 */
package io.churnguard.app.demo;
