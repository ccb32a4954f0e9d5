package io.churnguard.app.ingest.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;
import java.util.Set;

import io.churnguard.app.ingest.ImportCapacityException;
import io.churnguard.app.ingest.ImportChannel;
import io.churnguard.app.ingest.ImportKind;
import io.churnguard.app.ingest.ImportRequest;
import io.churnguard.app.ingest.ImportSummary;
import io.churnguard.app.ingest.Imports;
import io.churnguard.app.security.Actor;
import io.churnguard.app.web.NavigationItem;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The import page (数据导入): upload a file, watch it load, download its rejects. */
@Controller
@RequestMapping("/imports")
@PreAuthorize("hasAnyRole('ADMIN', 'RETENTION_HEAD', 'ANALYST')")
class ImportConsoleController {

	private final Imports imports;

	private final UploadedFiles uploads;

	private final RejectDownloads rejectDownloads;

	ImportConsoleController(Imports imports, UploadedFiles uploads, RejectDownloads rejectDownloads) {
		this.imports = imports;
		this.uploads = uploads;
		this.rejectDownloads = rejectDownloads;
	}

	@GetMapping
	String page(Model model) {
		model.addAttribute("imports", this.imports.recent(50));
		return "ingest/imports";
	}

	@PostMapping
	String upload(@RequestParam String kind, @RequestPart MultipartFile file,
			@RequestPart(required = false) MultipartFile mapping, @RequestParam(required = false) String charset,
			RedirectAttributes redirect) throws IOException {
		try {
			long id = this.imports.start(this.uploads.request(kind, file, mapping, charset, ImportChannel.CONSOLE));
			redirect.addFlashAttribute("startedImport", id);
		}
		catch (ImportCapacityException ex) {
			redirect.addFlashAttribute("importError", "imports.error.busy");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("importErrorText", ex.getMessage());
		}
		return "redirect:/imports";
	}

	/** Progress for the page's polling script. */
	@GetMapping("/{id}/status")
	@ResponseBody
	ImportSummary status(@PathVariable long id) {
		return this.imports.find(id).orElseThrow(() -> new NoSuchElementException("no import " + id));
	}

	@GetMapping("/{id}/rejects.csv")
	void rejects(@PathVariable long id, HttpServletResponse response) throws IOException {
		this.rejectDownloads.send(id, response);
	}

	@Bean
	static NavigationItem importsNavigation() {
		return new NavigationItem("customers", "nav.imports", "/imports", 50,
				Set.of("ADMIN", "RETENTION_HEAD", "ANALYST"));
	}

}
