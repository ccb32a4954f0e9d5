package io.churnguard.app.cli;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "demo", mixinStandardHelpOptions = true,
		description = { "Start the server with the demo workspace, ready to explore at http://localhost:8080.",
				"Same as 'serve', with the demo company loaded into an empty workspace." })
final class DemoCommand implements Callable<Integer> {

	@Mixin
	ServerOptions server = new ServerOptions();

	@Override
	public Integer call() throws Exception {
		List<String> arguments = new java.util.ArrayList<>(this.server.springArguments());
		arguments.add("--churnguard.demo.enabled=true");
		return SpringLauncher.serve(arguments);
	}

}
