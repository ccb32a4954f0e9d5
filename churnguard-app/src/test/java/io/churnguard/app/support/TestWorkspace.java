package io.churnguard.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test application context a workspace of its own under {@code target/it-data}
 * (so {@code mvn clean} removes it) and a random administrator password, read back by
 * tests through {@code churnguard.admin-password}.
 */
public class TestWorkspace implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final SecureRandom RANDOM = new SecureRandom();

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("test-workspace", Map.of("churnguard.data-dir", newDirectory().toString(),
					"churnguard.admin-password", randomPassword())));
	}

	public static Path newDirectory() {
		try {
			Path root = Path.of("target", "it-data");
			Files.createDirectories(root);
			return Files.createTempDirectory(root.toAbsolutePath(), "workspace-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String randomPassword() {
		StringBuilder password = new StringBuilder("It-");
		for (int i = 0; i < 16; i++) {
			password.append((char) ('a' + RANDOM.nextInt(26)));
		}
		return password.append("-9").toString();
	}

}
