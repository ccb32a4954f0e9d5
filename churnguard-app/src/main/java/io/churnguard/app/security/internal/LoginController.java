package io.churnguard.app.security.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page, with a plain statement of why the last attempt failed. */
@Controller
class LoginController {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final ZoneId zone;

	LoginController(@Value("${churnguard.time-zone:Asia/Shanghai}") String zone) {
		this.zone = ZoneId.of(zone);
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) String error, HttpSession session, Model model,
			Authentication authentication) {
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			return "redirect:/";
		}
		if (error != null) {
			model.addAttribute("errorKind", switch (error) {
				case "locked", "throttled", "disabled" -> error;
				default -> "bad";
			});
			Object until = session.getAttribute(ConsoleLoginHandlers.BLOCKED_UNTIL);
			if (until instanceof Instant instant) {
				model.addAttribute("blockedUntil", TIME.format(instant.atZone(this.zone)));
			}
		}
		return "login";
	}

}
