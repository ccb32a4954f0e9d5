package io.churnguard.app.security.internal;

import java.time.Duration;
import java.util.Locale;

import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own account: profile, password, API tokens. */
@Controller
@RequestMapping("/account")
class AccountController {

	private final UserAdministration administration;

	private final ApiTokens tokens;

	private final PasswordMessages messages;

	private final AuditLog audit;

	AccountController(UserAdministration administration, ApiTokens tokens, PasswordMessages messages, AuditLog audit) {
		this.administration = administration;
		this.tokens = tokens;
		this.messages = messages;
		this.audit = audit;
	}

	@GetMapping
	String account(Authentication authentication, Model model) {
		UserAccount account = this.administration.require(authentication.getName());
		model.addAttribute("account", UserView.of(account, null));
		model.addAttribute("tokens", this.tokens.forUser(account.id()));
		return "security/account";
	}

	@PostMapping("/password")
	String changePassword(Authentication authentication, @RequestParam String currentPassword,
			@RequestParam String newPassword, @RequestParam String confirmPassword, RedirectAttributes redirect,
			Locale locale) {
		if (!newPassword.equals(confirmPassword)) {
			redirect.addFlashAttribute("passwordErrors",
					java.util.List.of(this.messages.message("password.mismatch", locale)));
			return "redirect:/account";
		}
		try {
			this.administration.changePassword(authentication.getName(), currentPassword, newPassword);
			redirect.addFlashAttribute("notice", "account.password.changed");
		}
		catch (PasswordRejectedException ex) {
			redirect.addFlashAttribute("passwordErrors", this.messages.describe(ex, locale));
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("passwordErrors",
					java.util.List.of(this.messages.message(ex.getMessage(), locale)));
		}
		return "redirect:/account";
	}

	@PostMapping("/tokens")
	String createToken(Authentication authentication, @RequestParam String name,
			@RequestParam(defaultValue = "90") int validDays, RedirectAttributes redirect) {
		UserAccount account = this.administration.require(authentication.getName());
		String label = name.isBlank() ? "token" : name.strip();
		ApiTokens.CreatedToken created = this.tokens.create(account.id(), label,
				(validDays > 0) ? Duration.ofDays(validDays) : null);
		this.audit.record(AuditRecord.success("API_TOKEN_CREATED", "api_token", Long.toString(created.id()))
			.with("name", label)
			.with("validDays", validDays));
		redirect.addFlashAttribute("newToken", created.token());
		return "redirect:/account";
	}

	@PostMapping("/tokens/{id}/revoke")
	String revokeToken(Authentication authentication, @PathVariable long id, RedirectAttributes redirect) {
		UserAccount account = this.administration.require(authentication.getName());
		if (this.tokens.revoke(account.id(), id)) {
			this.audit.record(AuditRecord.success("API_TOKEN_REVOKED", "api_token", Long.toString(id)));
			redirect.addFlashAttribute("notice", "account.token.revoked");
		}
		return "redirect:/account";
	}

}
