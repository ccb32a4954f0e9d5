package io.churnguard.app.notification.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import io.churnguard.app.security.Actor;
import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Service;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The outbox for administrators (通知投递): the dead letters to look into and re-queue, and
 * what is still being retried or was delivered.
 */
class DeliveryController {

	static final Set<String> STATUSES = Set.of("dead", "pending", "delivered");

	private DeliveryController() {
	}

	/** Re-queueing a dead delivery, audited. */
	@Service
	static class Requeueing {

		private final Outbox outbox;

		private final JdbcClient jdbc;

		private final AuditLog audit;

		Requeueing(Outbox outbox, JdbcClient jdbc, AuditLog audit) {
			this.outbox = outbox;
			this.jdbc = jdbc;
			this.audit = audit;
		}

		void requeue(long id, String actor) {
			if (this.outbox.requeue(id, actor)) {
				this.audit
					.record(AuditRecord.success("NOTIFICATION_REQUEUED", "notification_delivery", Long.toString(id)));
				return;
			}
			boolean exists = this.jdbc.sql("select count(*) from notification_delivery where id = ?")
				.param(id)
				.query(Long.class)
				.single() > 0;
			if (!exists) {
				throw new NoSuchElementException("no delivery " + id);
			}
			throw new IllegalStateException("delivery " + id + " is not in the dead letters");
		}

	}

	@Controller
	@PreAuthorize("hasRole('ADMIN')")
	static class Page {

		private final Outbox outbox;

		private final Requeueing requeueing;

		private final String retryDelays;

		Page(Outbox outbox, Requeueing requeueing, NotificationProperties properties) {
			this.outbox = outbox;
			this.requeueing = requeueing;
			this.retryDelays = properties.retryDelays()
				.stream()
				.map(Page::shortDuration)
				.collect(java.util.stream.Collectors.joining(", "));
		}

		/** 90s, 5m, 2h, 1d: the way the property is written. */
		static String shortDuration(java.time.Duration duration) {
			long seconds = duration.toSeconds();
			if (seconds % 86400 == 0) {
				return (seconds / 86400) + "d";
			}
			if (seconds % 3600 == 0) {
				return (seconds / 3600) + "h";
			}
			return (seconds % 60 == 0) ? (seconds / 60) + "m" : seconds + "s";
		}

		@GetMapping("/notifications/deliveries")
		String list(@RequestParam(defaultValue = "dead") String status, Model model) {
			String shown = STATUSES.contains(status) ? status : "dead";
			model.addAttribute("status", shown);
			model.addAttribute("retryDelays", this.retryDelays);
			model.addAttribute("deliveries", this.outbox.list(shown, 0, 200));
			Map<String, Long> counts = new LinkedHashMap<>();
			for (String each : new String[] { "dead", "pending", "delivered" }) {
				counts.put(each, this.outbox.count(each));
			}
			model.addAttribute("counts", counts);
			return "notification/deliveries";
		}

		@PostMapping("/notifications/deliveries/{id}/requeue")
		String requeue(@PathVariable long id, RedirectAttributes redirect) {
			try {
				this.requeueing.requeue(id, Actor.require().username());
				redirect.addFlashAttribute("notice", "deliveries.requeued");
			}
			catch (IllegalStateException ex) {
				redirect.addFlashAttribute("error", ex.getMessage());
			}
			return "redirect:/notifications/deliveries";
		}

	}

	@RestController
	@PreAuthorize("hasRole('ADMIN')")
	@Tag(name = "Notifications", description = "The notification outbox and its dead letters")
	static class Api {

		private final Outbox outbox;

		private final Requeueing requeueing;

		Api(Outbox outbox, Requeueing requeueing) {
			this.outbox = outbox;
			this.requeueing = requeueing;
		}

		@GetMapping("/api/v1/notifications/deliveries")
		@Operation(summary = "Deliveries by status, newest first: dead (the dead letters), pending or delivered")
		Map<String, Object> list(@RequestParam(defaultValue = "dead") String status,
				@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
			if (!STATUSES.contains(status)) {
				throw new IllegalArgumentException("status must be dead, pending or delivered, was '" + status + "'");
			}
			if (size < 1 || size > 500) {
				throw new IllegalArgumentException("size must be between 1 and 500, was " + size);
			}
			return Map.of("status", status, "total", this.outbox.count(status), "page", Math.max(0, page), "size", size,
					"deliveries", this.outbox.list(status, Math.max(0, page), size));
		}

		@PostMapping("/api/v1/notifications/deliveries/{id}/requeue")
		@ResponseStatus(HttpStatus.NO_CONTENT)
		@Operation(summary = "Put a dead delivery back in the queue, due now, with the full retry schedule")
		void requeue(@PathVariable long id) {
			this.requeueing.requeue(id, Actor.require().username());
		}

	}

}
