package io.churnguard.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine;

/** The version from the build-info the Maven build writes into the jar. */
final class VersionProvider implements CommandLine.IVersionProvider {

	@Override
	public String[] getVersion() throws IOException {
		Properties build = new Properties();
		try (InputStream in = VersionProvider.class.getResourceAsStream("/META-INF/build-info.properties")) {
			if (in != null) {
				build.load(in);
			}
		}
		return new String[] { "ChurnGuard " + build.getProperty("build.version", "dev"),
				"Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")" };
	}

}
