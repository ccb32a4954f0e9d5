package io.churnguard.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/** Options shared by the commands that start the server. */
final class ServerOptions {

	@Option(names = "--port", description = "HTTP port (default: 8080).")
	Integer port;

	@Option(names = "--data-dir", description = "Workspace directory; the embedded database lives in <dir>/pg "
			+ "(default: ./data, or CHURNGUARD_DATA_DIR).")
	Path dataDir;

	List<String> springArguments() {
		List<String> arguments = new ArrayList<>();
		if (this.port != null) {
			arguments.add("--server.port=" + this.port);
		}
		if (this.dataDir != null) {
			arguments.add("--churnguard.data-dir=" + this.dataDir);
		}
		return arguments;
	}

}
