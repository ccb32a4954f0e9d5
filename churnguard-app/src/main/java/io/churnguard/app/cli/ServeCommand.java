package io.churnguard.app.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "serve", mixinStandardHelpOptions = true,
		description = { "Start the ChurnGuard server: the web console and the REST API.",
				"Uses the embedded PostgreSQL in <data-dir>/pg unless CHURNGUARD_DB_URL names another server." })
final class ServeCommand implements Callable<Integer> {

	@Mixin
	ServerOptions server = new ServerOptions();

	@Override
	public Integer call() throws Exception {
		return SpringLauncher.serve(this.server.springArguments());
	}

}
