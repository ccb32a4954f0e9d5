package io.churnguard.app.platform;

/**
 * Where the database is: connection details plus, for the embedded server, the handle
 * that stops it. Closing is a no-op for an external server or an embedded one another
 * process started.
 */
public final class DatabaseServer implements AutoCloseable {

	private final String jdbcUrl;

	private final String user;

	private final String password;

	private final EmbeddedPostgresServer embedded;

	private DatabaseServer(String jdbcUrl, String user, String password, EmbeddedPostgresServer embedded) {
		this.jdbcUrl = jdbcUrl;
		this.user = user;
		this.password = password;
		this.embedded = embedded;
	}

	static DatabaseServer external(String jdbcUrl, String user, String password) {
		return new DatabaseServer(jdbcUrl, user, password, null);
	}

	static DatabaseServer embedded(EmbeddedPostgresServer server) {
		return new DatabaseServer(server.jdbcUrl(), server.user(), null, server);
	}

	public String jdbcUrl() {
		return this.jdbcUrl;
	}

	public String user() {
		return this.user;
	}

	String password() {
		return this.password;
	}

	/**
	 * Whether ChurnGuard runs on its embedded PostgreSQL rather than a configured server.
	 */
	public boolean isEmbedded() {
		return this.embedded != null;
	}

	/** A description for status pages that never reveals credentials. */
	public String describe() {
		String url = this.jdbcUrl;
		int query = url.indexOf('?');
		return (isEmbedded() ? "embedded " : "") + ((query >= 0) ? url.substring(0, query) : url);
	}

	@Override
	public void close() {
		if (this.embedded != null) {
			this.embedded.close();
		}
	}

}
