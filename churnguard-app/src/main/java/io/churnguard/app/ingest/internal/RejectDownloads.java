package io.churnguard.app.ingest.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;

import io.churnguard.app.ingest.ImportSummary;
import io.churnguard.app.ingest.Imports;
import io.churnguard.app.security.Actor;
import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;
import io.churnguard.app.security.Role;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Rejected rows carry raw values, which may be personal data: only the user who ran the
 * import and the retention head may download them, and every download (or refusal) is
 * audited.
 */
@Component
class RejectDownloads {

	private final Imports imports;

	private final AuditLog audit;

	RejectDownloads(Imports imports, AuditLog audit) {
		this.imports = imports;
		this.audit = audit;
	}

	void send(long importId, HttpServletResponse response) throws IOException {
		ImportSummary summary = this.imports.find(importId)
			.orElseThrow(() -> new NoSuchElementException("no import " + importId));
		Actor actor = Actor.require();
		if (!actor.username().equals(summary.user()) && !actor.hasRole(Role.RETENTION_HEAD)) {
			this.audit.record(AuditRecord.denied("IMPORT_REJECTS_DOWNLOAD", "import", Long.toString(importId)));
			throw new AccessDeniedException("only the importing user and the retention head may download rejects");
		}
		this.audit.record(AuditRecord.success("IMPORT_REJECTS_DOWNLOAD", "import", Long.toString(importId)));
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"import-" + importId + "-rejects.csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		// A BOM, so Excel opens the UTF-8 file with its Chinese intact.
		out.write('\uFEFF');
		this.imports.writeRejects(importId, out);
		out.flush();
	}

}
