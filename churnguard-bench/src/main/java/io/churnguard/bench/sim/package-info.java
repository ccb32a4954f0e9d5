/**
 * The simulator benchmark: events per second written to CSV by the company simulator, at
 * any size, on this machine.
 */
package io.churnguard.bench.sim;
