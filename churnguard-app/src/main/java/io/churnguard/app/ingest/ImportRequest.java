package io.churnguard.app.ingest;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An import to run.
 *
 * @param kind customers or events
 * @param file the file to read
 * @param fileName the name to show (the uploaded file's original name)
 * @param charset the declared charset, or null to detect UTF-8 / GB18030 (GBK)
 * @param mappingYaml a YAML mapping from source columns to fields, or null when the file
 * uses ChurnGuard's own column names
 * @param user who imports
 * @param channel where the import was started
 */
public record ImportRequest(ImportKind kind, Path file, String fileName, Charset charset, String mappingYaml,
		String user, ImportChannel channel) {

	public ImportRequest {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(file, "file");
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(channel, "channel");
		fileName = (fileName != null) ? fileName : file.getFileName().toString();
	}

}
