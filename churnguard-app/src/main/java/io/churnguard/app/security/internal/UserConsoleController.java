package io.churnguard.app.security.internal;

import java.util.List;
import java.util.Locale;

import io.churnguard.app.security.Role;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** User administration (用户管理) for administrators. */
@Controller
@RequestMapping("/security/users")
class UserConsoleController {

	private final UserAdministration administration;

	private final LoginGuard guard;

	private final PasswordMessages messages;

	UserConsoleController(UserAdministration administration, LoginGuard guard, PasswordMessages messages) {
		this.administration = administration;
		this.guard = guard;
		this.messages = messages;
	}

	@GetMapping
	String users(Model model) {
		model.addAttribute("users", this.administration.list()
			.stream()
			.map(account -> UserView.of(account, this.guard.accountLockedUntil(account.username()).orElse(null)))
			.toList());
		model.addAttribute("roles", Role.values());
		return "security/users";
	}

	@PostMapping
	String create(@RequestParam String username, @RequestParam String displayName, @RequestParam Role role,
			@RequestParam(required = false) String region, @RequestParam(required = false) String team,
			@RequestParam(required = false) String email, RedirectAttributes redirect, Locale locale) {
		try {
			UserAdministration.CreatedUser created = this.administration
				.create(new NewUser(username.strip(), displayName.strip(), role, region, team, email, null));
			redirect.addFlashAttribute("createdUser", created.account().username());
			redirect.addFlashAttribute("initialPassword", created.initialPassword());
		}
		catch (PasswordRejectedException ex) {
			redirect.addFlashAttribute("errors", this.messages.describe(ex, locale));
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("errors", List.of(ex.getMessage()));
		}
		return "redirect:/security/users";
	}

	@PostMapping("/{username}/unlock")
	String unlock(@PathVariable String username, RedirectAttributes redirect) {
		this.administration.unlock(username);
		redirect.addFlashAttribute("notice", "users.unlocked");
		return "redirect:/security/users";
	}

	@PostMapping("/{username}/enabled")
	String setEnabled(@PathVariable String username, @RequestParam boolean enabled, RedirectAttributes redirect) {
		this.administration.setEnabled(username, enabled);
		redirect.addFlashAttribute("notice", enabled ? "users.enabled" : "users.disabled");
		return "redirect:/security/users";
	}

	@PostMapping("/{username}/reset-password")
	String resetPassword(@PathVariable String username, RedirectAttributes redirect) {
		redirect.addFlashAttribute("createdUser", username);
		redirect.addFlashAttribute("initialPassword", this.administration.resetPassword(username));
		return "redirect:/security/users";
	}

}
