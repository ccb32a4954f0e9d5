/**
 * The real-time benchmark: events through the HTTP API at a fixed rate, from this
 * process, into a server process on loopback, and the time from an event's sending to the
 * warning it raises; with the daily scoring job's duration on the same company.
 */
package io.churnguard.bench.realtime;
