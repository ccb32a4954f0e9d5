/**
 * Platform services every module relies on: the database (an embedded PostgreSQL by
 * default, or the server named by {@code CHURNGUARD_DB_URL}), the clock, and the
 * workspace directory. It owns no business data.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.churnguard.app.platform;
