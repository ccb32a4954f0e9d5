package io.churnguard.app.security.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.churnguard.app.security.AuditResult;
import io.churnguard.app.security.AuditTrail;
import io.churnguard.app.web.PageJson;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The audit log (审计日志) for auditors: search, login activity, and the chain check. */
@Controller
@RequestMapping("/security/audit")
class AuditConsoleController {

	private static final int PAGE_SIZE = 50;

	private final AuditQueries queries;

	private final AuditTrail trail;

	private final Clock clock;

	private final ZoneId zone;

	AuditConsoleController(AuditQueries queries, AuditTrail trail, Clock clock,
			@Value("${churnguard.time-zone:Asia/Shanghai}") String zone) {
		this.queries = queries;
		this.trail = trail;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	@GetMapping
	String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String objectType, @RequestParam(required = false) String objectId,
			@RequestParam(required = false) AuditResult result,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		AuditQueries.AuditFilter filter = new AuditQueries.AuditFilter(actor, action, objectType, objectId, result,
				(from != null) ? from.atStartOfDay(this.zone).toInstant() : null,
				(to != null) ? to.plusDays(1).atStartOfDay(this.zone).toInstant() : null);
		model.addAttribute("filter", filter);
		model.addAttribute("fromDate", from);
		model.addAttribute("toDate", to);
		model.addAttribute("results", AuditResult.values());
		model.addAttribute("page", this.queries.search(filter, Math.max(0, page), PAGE_SIZE));
		model.addAttribute("zone", this.zone);
		List<AuditQueries.DailyLogins> activity = this.queries.loginActivity(14, this.clock.instant(), this.zone);
		model.addAttribute("loginChartJson",
				PageJson.write(Map.of("days", activity.stream().map(d -> d.day().toString()).toList(), "succeeded",
						activity.stream().map(AuditQueries.DailyLogins::succeeded).toList(), "failed",
						activity.stream().map(AuditQueries.DailyLogins::failed).toList())));
		return "security/audit";
	}

	@PostMapping("/verify")
	String verify(RedirectAttributes redirect) {
		redirect.addFlashAttribute("verification", this.trail.verify(null));
		return "redirect:/security/audit";
	}

}
