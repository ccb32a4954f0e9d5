package io.churnguard.app.notification.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import io.churnguard.app.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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
 * The signed-in user's inbox (收件箱) in the console and the API: only ever their own
 * entries. The page shows entries in the console's language, the API in the user's
 * notification language.
 */
class InboxController {

	private static final int PAGE_SIZE = 50;

	private InboxController() {
	}

	@Controller
	static class Page {

		private final Inbox inbox;

		private final Preferences preferences;

		private final MessageContents contents;

		Page(Inbox inbox, Preferences preferences, MessageContents contents) {
			this.inbox = inbox;
			this.preferences = preferences;
			this.contents = contents;
		}

		@GetMapping("/inbox")
		String inbox(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
				Model model, Locale locale) {
			String user = Actor.require().username();
			Inbox.Page found = this.inbox.page(user, unread, Math.max(0, page), PAGE_SIZE);
			model.addAttribute("entries",
					found.entries().stream().map(entry -> InboxEntry.of(entry, locale, this.contents)).toList());
			model.addAttribute("page", found);
			model.addAttribute("unreadOnly", unread);
			model.addAttribute("notificationLocale", Locales.tag(this.preferences.locale(user)));
			return "notification/inbox";
		}

		@PostMapping("/inbox/{id}/read")
		String read(@PathVariable long id) {
			if (!this.inbox.markRead(Actor.require().username(), id)) {
				throw new NoSuchElementException("no inbox entry " + id);
			}
			return "redirect:/inbox";
		}

		@PostMapping("/inbox/read-all")
		String readAll(RedirectAttributes redirect) {
			redirect.addFlashAttribute("marked", this.inbox.markAllRead(Actor.require().username()));
			return "redirect:/inbox";
		}

		/** Follows an entry's link, marking it read on the way. */
		@GetMapping("/inbox/{id}/open")
		String open(@PathVariable long id) {
			String user = Actor.require().username();
			StoredNotification entry = this.inbox.find(user, id)
				.orElseThrow(() -> new NoSuchElementException("no inbox entry " + id));
			this.inbox.markRead(user, id);
			return "redirect:" + ((entry.link() != null) ? entry.link() : "/inbox");
		}

		@PostMapping("/inbox/preferences")
		String preferences(@RequestParam String locale, RedirectAttributes redirect) {
			this.preferences.setLocale(Actor.require().username(), locale);
			redirect.addFlashAttribute("notice", "inbox.preferences.saved");
			return "redirect:/inbox";
		}

	}

	@RestController
	@Tag(name = "Inbox", description = "The caller's notifications")
	static class Api {

		private final Inbox inbox;

		private final Preferences preferences;

		private final MessageContents contents;

		Api(Inbox inbox, Preferences preferences, MessageContents contents) {
			this.inbox = inbox;
			this.preferences = preferences;
			this.contents = contents;
		}

		@GetMapping("/api/v1/inbox")
		@Operation(summary = "The caller's notifications, newest first, in their notification language")
		Map<String, Object> inbox(@RequestParam(defaultValue = "false") boolean unread,
				@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
			if (size < 1 || size > 500) {
				throw new IllegalArgumentException("size must be between 1 and 500, was " + size);
			}
			String user = Actor.require().username();
			Locale locale = this.preferences.locale(user);
			Inbox.Page found = this.inbox.page(user, unread, Math.max(0, page), size);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("unread", found.unread());
			body.put("total", found.total());
			body.put("page", found.page());
			body.put("size", found.size());
			body.put("entries",
					found.entries().stream().map(entry -> InboxEntry.of(entry, locale, this.contents)).toList());
			return body;
		}

		@PostMapping("/api/v1/inbox/{id}/read")
		@ResponseStatus(HttpStatus.NO_CONTENT)
		@Operation(summary = "Mark one of the caller's notifications read")
		void read(@PathVariable long id) {
			if (!this.inbox.markRead(Actor.require().username(), id)) {
				throw new NoSuchElementException("no inbox entry " + id);
			}
		}

		@PostMapping("/api/v1/inbox/read-all")
		@Operation(summary = "Mark all of the caller's notifications read")
		Map<String, Object> readAll() {
			return Map.of("marked", this.inbox.markAllRead(Actor.require().username()));
		}

		@GetMapping("/api/v1/inbox/preferences")
		@Operation(summary = "The language the caller's notifications and emails are written in")
		Map<String, String> preferences() {
			return Map.of("locale", Locales.tag(this.preferences.locale(Actor.require().username())));
		}

		@PutMapping("/api/v1/inbox/preferences")
		@Operation(summary = "Choose the notification language: zh-CN or en")
		Map<String, String> setPreferences(@RequestBody Map<String, String> body) {
			String user = Actor.require().username();
			this.preferences.setLocale(user, String.valueOf(body.get("locale")));
			return Map.of("locale", Locales.tag(this.preferences.locale(user)));
		}

	}

}
