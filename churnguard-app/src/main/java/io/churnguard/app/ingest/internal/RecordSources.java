package io.churnguard.app.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens a file as records, choosing the reader by extension or, failing that, by content.
 */
final class RecordSources {

	private RecordSources() {
	}

	static RecordSource open(Path file, String fileName, Charset charset) {
		String name = ((fileName != null) ? fileName : file.getFileName().toString()).toLowerCase(Locale.ROOT);
		if (name.endsWith(".xlsx") || isZip(file)) {
			return XlsxRecordSource.open(file);
		}
		if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
			return JsonLinesRecordSource.open(file, charset);
		}
		if (name.endsWith(".xls")) {
			throw new IllegalArgumentException(
					"old Excel .xls files are not supported: save the sheet as .xlsx or CSV");
		}
		return CsvRecordSource.open(file, charset);
	}

	private static boolean isZip(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] magic = in.readNBytes(4);
			return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

}
