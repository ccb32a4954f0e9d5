/**
 * The command line: {@code ./churnguard <command>}. Commands print machine-readable
 * results (JSON) on stdout and progress on stderr; those that need the database start the
 * application without its web server.
 */
package io.churnguard.app.cli;
