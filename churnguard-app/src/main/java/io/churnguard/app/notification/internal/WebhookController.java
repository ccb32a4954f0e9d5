package io.churnguard.app.notification.internal;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.churnguard.app.notification.NotificationLevel;
import io.churnguard.app.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Webhook endpoints (通知渠道) for administrators, in the console and the API. Neither ever
 * shows a secret or a robot's full URL.
 */
class WebhookController {

	private WebhookController() {
	}

	@Controller
	@PreAuthorize("hasRole('ADMIN')")
	static class Page {

		private final WebhookAdministration administration;

		Page(WebhookAdministration administration) {
			this.administration = administration;
		}

		@GetMapping("/notifications/webhooks")
		String list(Model model) {
			model.addAttribute("webhooks", this.administration.list().stream().map(WebhookView::of).toList());
			model.addAttribute("types", WebhookType.values());
			model.addAttribute("levels", NotificationLevel.values());
			return "notification/webhooks";
		}

		@GetMapping("/notifications/webhooks/{id}")
		String edit(@PathVariable long id, Model model) {
			model.addAttribute("webhook", WebhookView.of(this.administration.require(id)));
			model.addAttribute("types", WebhookType.values());
			model.addAttribute("levels", NotificationLevel.values());
			return "notification/webhook";
		}

		@PostMapping("/notifications/webhooks")
		String create(@RequestParam Map<String, String> fields, @RequestParam(required = false) List<String> levels,
				RedirectAttributes redirect) {
			try {
				this.administration.create(form(fields, levels, false), Actor.require().username());
				redirect.addFlashAttribute("notice", "webhooks.created");
			}
			catch (IllegalArgumentException ex) {
				redirect.addFlashAttribute("error", ex.getMessage());
			}
			return "redirect:/notifications/webhooks";
		}

		@PostMapping("/notifications/webhooks/{id}")
		String update(@PathVariable long id, @RequestParam Map<String, String> fields,
				@RequestParam(required = false) List<String> levels, RedirectAttributes redirect) {
			try {
				this.administration.update(id, form(fields, levels, "on".equals(fields.get("clearSecret"))),
						Actor.require().username());
				redirect.addFlashAttribute("notice", "webhooks.updated");
				return "redirect:/notifications/webhooks";
			}
			catch (IllegalArgumentException ex) {
				redirect.addFlashAttribute("error", ex.getMessage());
				return "redirect:/notifications/webhooks/" + id;
			}
		}

		@PostMapping("/notifications/webhooks/{id}/delete")
		String delete(@PathVariable long id, RedirectAttributes redirect) {
			this.administration.delete(id);
			redirect.addFlashAttribute("notice", "webhooks.deleted");
			return "redirect:/notifications/webhooks";
		}

		@PostMapping("/notifications/webhooks/{id}/test")
		String test(@PathVariable long id, RedirectAttributes redirect) {
			Outcome outcome = this.administration.test(id);
			if (outcome.delivered()) {
				redirect.addFlashAttribute("notice", "webhooks.testDelivered");
			}
			else {
				redirect.addFlashAttribute("error", outcome.error());
			}
			return "redirect:/notifications/webhooks";
		}

		/**
		 * The console's form: comma-separated lists; empty URL and secret keep the stored
		 * ones unless the secret is cleared.
		 */
		private static WebhookForm form(Map<String, String> fields, List<String> levels, boolean clearSecret) {
			String secret = fields.getOrDefault("secret", "");
			return new WebhookForm(fields.get("name"), fields.get("type"), fields.get("url"),
					clearSecret ? "" : secret.isEmpty() ? null : secret, split(fields.get("kinds")),
					(levels != null) ? levels : List.of(), split(fields.get("regions")), fields.get("locale"),
					"on".equals(fields.get("enabled")) || "true".equals(fields.get("enabled")));
		}

		private static List<String> split(String text) {
			return (text == null) ? List.of()
					: Arrays.stream(text.split("[,，\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		}

	}

	@RestController
	@PreAuthorize("hasRole('ADMIN')")
	@Tag(name = "Webhooks", description = "Group robots (WeCom, DingTalk, Feishu) and signed generic webhooks")
	static class Api {

		private final WebhookAdministration administration;

		Api(WebhookAdministration administration) {
			this.administration = administration;
		}

		@GetMapping("/api/v1/webhooks")
		@Operation(summary = "All webhooks; URLs masked, secrets never shown")
		List<WebhookView> list() {
			return this.administration.list().stream().map(WebhookView::of).toList();
		}

		@GetMapping("/api/v1/webhooks/{id}")
		@Operation(summary = "One webhook")
		WebhookView get(@PathVariable long id) {
			return WebhookView.of(this.administration.require(id));
		}

		@PostMapping("/api/v1/webhooks")
		@Operation(summary = "Add a webhook",
				description = "type: wecom, dingtalk, feishu or generic; kinds (e.g. warning.*), levels (I–IV, INFO) "
						+ "and regions filter what it receives, empty for all.")
		ResponseEntity<WebhookView> create(@RequestBody WebhookForm form) {
			Webhook created = this.administration.create(form, Actor.require().username());
			return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.id())).body(WebhookView.of(created));
		}

		@PutMapping("/api/v1/webhooks/{id}")
		@Operation(summary = "Change a webhook",
				description = "A missing url or secret keeps the stored one; an empty secret removes it.")
		WebhookView update(@PathVariable long id, @RequestBody WebhookForm form) {
			return WebhookView.of(this.administration.update(id, form, Actor.require().username()));
		}

		@DeleteMapping("/api/v1/webhooks/{id}")
		@ResponseStatus(HttpStatus.NO_CONTENT)
		@Operation(summary = "Remove a webhook and its queued and dead deliveries")
		void delete(@PathVariable long id) {
			this.administration.delete(id);
		}

		@PostMapping("/api/v1/webhooks/{id}/test")
		@Operation(summary = "Send a test message now and report the receiver's answer")
		Map<String, Object> test(@PathVariable long id) {
			Outcome outcome = this.administration.test(id);
			return outcome.delivered() ? Map.of("delivered", true)
					: Map.of("delivered", false, "error", outcome.error());
		}

	}

}
