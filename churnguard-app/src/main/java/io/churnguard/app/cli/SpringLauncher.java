package io.churnguard.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.churnguard.app.ChurnGuardApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/** Starts the application for a command: as a server, or headless for a batch command. */
final class SpringLauncher {

	private SpringLauncher() {
	}

	/**
	 * Starts the web server and blocks until the application is shut down (Ctrl-C,
	 * SIGTERM).
	 */
	static int serve(List<String> arguments) throws InterruptedException {
		CountDownLatch closed = new CountDownLatch(1);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ChurnGuardApplication.class)
			.listeners(event -> {
				if (event instanceof ContextClosedEvent) {
					closed.countDown();
				}
			})
			.run(arguments.toArray(String[]::new));
		if (!context.isActive()) {
			return 1;
		}
		closed.await();
		return 0;
	}

	/**
	 * Starts the application without a web server, for a command that needs the database.
	 */
	static ConfigurableApplicationContext headless(List<String> arguments) {
		List<String> all = new ArrayList<>(arguments);
		return new SpringApplicationBuilder(ChurnGuardApplication.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run(all.toArray(String[]::new));
	}

}
