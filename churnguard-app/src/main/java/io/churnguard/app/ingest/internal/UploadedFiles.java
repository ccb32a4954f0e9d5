package io.churnguard.app.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import io.churnguard.app.ingest.ImportChannel;
import io.churnguard.app.ingest.ImportKind;
import io.churnguard.app.ingest.ImportRequest;
import io.churnguard.app.platform.ChurnGuardProperties;
import io.churnguard.app.security.Actor;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploaded files wait in {@code <data-dir>/uploads} until their import has run, then are
 * deleted.
 */
@Component
class UploadedFiles {

	private final Path directory;

	UploadedFiles(ChurnGuardProperties properties) {
		this.directory = properties.dataDir().resolve("uploads");
	}

	/** Stores an upload and describes the import of it by the signed-in user. */
	ImportRequest request(String kind, MultipartFile file, MultipartFile mapping, String charset,
			ImportChannel channel) {
		if (file.isEmpty()) {
			throw new IllegalArgumentException("the file is empty");
		}
		try {
			return new ImportRequest(ImportKind.fromCode(kind), store(file), file.getOriginalFilename(),
					(charset != null && !charset.isBlank()) ? Charset.forName(charset.strip()) : null,
					(mapping != null && !mapping.isEmpty()) ? new String(mapping.getBytes(), StandardCharsets.UTF_8)
							: null,
					Actor.require().username(), channel);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read the mapping: " + ex.getMessage(), ex);
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			throw new IllegalArgumentException("unknown charset '" + charset + "' (try UTF-8, GBK or GB18030)");
		}
	}

	Path store(MultipartFile upload) {
		try {
			Files.createDirectories(this.directory);
			String original = (upload.getOriginalFilename() != null) ? upload.getOriginalFilename() : "upload";
			String safe = Path.of(original).getFileName().toString().replaceAll("[^\\w.\\-]", "_");
			Path target = this.directory.resolve(UUID.randomUUID() + "-" + safe);
			try (InputStream in = upload.getInputStream()) {
				Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not store the upload: " + ex.getMessage(), ex);
		}
	}

}
