package io.churnguard.app.ingest.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NoSuchElementException;

import io.churnguard.app.ingest.ImportCapacityException;
import io.churnguard.app.ingest.ImportChannel;
import io.churnguard.app.ingest.ImportKind;
import io.churnguard.app.ingest.ImportRequest;
import io.churnguard.app.ingest.ImportSummary;
import io.churnguard.app.ingest.Imports;
import io.churnguard.app.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** File imports through the API: upload, follow, download rejects. */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports", description = "Customer and event files: CSV (UTF-8/GBK), JSON Lines, XLSX")
@PreAuthorize("hasAnyRole('ADMIN', 'RETENTION_HEAD', 'ANALYST')")
class ImportApiController {

	private final Imports imports;

	private final UploadedFiles uploads;

	private final RejectDownloads rejectDownloads;

	ImportApiController(Imports imports, UploadedFiles uploads, RejectDownloads rejectDownloads) {
		this.imports = imports;
		this.uploads = uploads;
		this.rejectDownloads = rejectDownloads;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Start an import",
			description = "Multipart form: kind (customers|events), file, optional mapping (YAML file) and charset. "
					+ "Answers 202 with the import's summary; follow it at the Location. 429 when the server already "
					+ "runs as many imports as it allows.")
	ResponseEntity<ImportSummary> start(@RequestParam String kind, @RequestPart MultipartFile file,
			@RequestPart(required = false) MultipartFile mapping, @RequestParam(required = false) String charset)
			throws IOException {
		ImportRequest request = this.uploads.request(kind, file, mapping, charset, ImportChannel.API);
		long id = this.imports.start(request);
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/imports/" + id))
			.body(this.imports.find(id).orElseThrow());
	}

	@GetMapping
	@Operation(summary = "The latest imports, newest first")
	List<ImportSummary> recent(@RequestParam(defaultValue = "50") int limit) {
		return this.imports.recent(Math.min(Math.max(limit, 1), 500));
	}

	@GetMapping("/{id}")
	@Operation(summary = "An import's summary and progress")
	ImportSummary find(@PathVariable long id) {
		return this.imports.find(id).orElseThrow(() -> new NoSuchElementException("no import " + id));
	}

	@GetMapping("/{id}/rejects")
	@Operation(summary = "The rejected rows as CSV: line, column, value, reason",
			description = "Values may be personal data: only the importing user and the retention head may download them.")
	void rejects(@PathVariable long id, HttpServletResponse response) throws IOException {
		this.rejectDownloads.send(id, response);
	}

	@ExceptionHandler(ImportCapacityException.class)
	ResponseEntity<ProblemDetail> busy(ImportCapacityException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage());
		problem.setTitle("Too many imports");
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "30").body(problem);
	}

}
