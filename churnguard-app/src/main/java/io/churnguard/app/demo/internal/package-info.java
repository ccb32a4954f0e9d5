/** The demo workspace's seeding. */
package io.churnguard.app.demo.internal;
