package io.churnguard.bench.app;

import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The server process of a benchmark started on the {@code workspace} of its work
 * directory, with the application jar it runs; closing it stops the server and then
 * deletes the work directory unless it is kept.
 */
public final class AppServer implements AutoCloseable {

	private final AppJar app;

	private final AppServerOptions options;

	private final Path dir;

	private final ServerProcess server;

	private AppServer(AppJar app, AppServerOptions options, Path dir, ServerProcess server) {
		this.app = app;
		this.options = options;
		this.dir = dir;
		this.server = server;
	}

	/**
	 * Starts the server on a work directory opened by the given options.
	 * @param options the application jar's and work directory's options
	 * @param prefix the temporary work directory's prefix
	 * @return the started server
	 */
	public static AppServer start(AppServerOptions options, String prefix) {
		AppJar app = options.locate();
		Path dir = options.openWorkDir(prefix);
		try {
			return new AppServer(app, options, dir,
					ServerProcess.start(app, dir.resolve("workspace"), Duration.ofMinutes(3)));
		}
		catch (RuntimeException | Error ex) {
			options.deleteUnlessKept(dir);
			throw ex;
		}
	}

	/**
	 * Loads a simulated company into the server through the product's own import.
	 * @param company the company
	 * @return what the load reports
	 */
	public JsonNode load(Company company) {
		return company.load(this.app, this.server);
	}

	public AppJar app() {
		return this.app;
	}

	public ServerProcess server() {
		return this.server;
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		finally {
			this.options.deleteUnlessKept(this.dir);
		}
	}

}
