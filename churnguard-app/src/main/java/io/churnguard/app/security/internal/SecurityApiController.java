package io.churnguard.app.security.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;
import io.churnguard.app.security.AuditResult;
import io.churnguard.app.security.AuditTrail;
import io.churnguard.app.security.AuditVerification;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The security module's API: the caller's account and tokens, users, and the audit log.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Security", description = "Accounts, users, API tokens and the audit log")
class SecurityApiController {

	private final UserAdministration administration;

	private final ApiTokens tokens;

	private final LoginGuard guard;

	private final AuditQueries auditQueries;

	private final AuditTrail trail;

	private final AuditLog audit;

	private final PasswordMessages messages;

	SecurityApiController(UserAdministration administration, ApiTokens tokens, LoginGuard guard,
			AuditQueries auditQueries, AuditTrail trail, AuditLog audit, PasswordMessages messages) {
		this.administration = administration;
		this.tokens = tokens;
		this.guard = guard;
		this.auditQueries = auditQueries;
		this.trail = trail;
		this.audit = audit;
		this.messages = messages;
	}

	@GetMapping("/me")
	@Operation(summary = "The authenticated user")
	UserView me(Authentication authentication) {
		return UserView.of(this.administration.require(authentication.getName()), null);
	}

	@PostMapping("/me/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Change the caller's password", description = "At least 10 characters, not a common password.")
	void changePassword(Authentication authentication, @Valid @RequestBody PasswordChange change) {
		this.administration.changePassword(authentication.getName(), change.currentPassword(), change.newPassword());
	}

	@GetMapping("/me/tokens")
	@Operation(summary = "The caller's API tokens (secrets are never shown again)")
	List<ApiTokens.TokenInfo> myTokens(Authentication authentication) {
		return this.tokens.forUser(this.administration.require(authentication.getName()).id());
	}

	@PostMapping("/me/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an API token", description = "The response holds the secret; it is shown only once.")
	ApiTokens.CreatedToken createToken(Authentication authentication, @Valid @RequestBody TokenRequest request) {
		UserAccount account = this.administration.require(authentication.getName());
		Integer days = request.validDays();
		ApiTokens.CreatedToken created = this.tokens.create(account.id(), request.name().strip(),
				(days == null) ? Duration.ofDays(90) : (days > 0) ? Duration.ofDays(days) : null);
		this.audit.record(AuditRecord.success("API_TOKEN_CREATED", "api_token", Long.toString(created.id()))
			.with("name", request.name()));
		return created;
	}

	@DeleteMapping("/me/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke one of the caller's API tokens")
	void revokeToken(Authentication authentication, @PathVariable long id) {
		if (!this.tokens.revoke(this.administration.require(authentication.getName()).id(), id)) {
			throw new java.util.NoSuchElementException("no active token " + id);
		}
		this.audit.record(AuditRecord.success("API_TOKEN_REVOKED", "api_token", Long.toString(id)));
	}

	@GetMapping("/users")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "All users, with their lock state")
	List<UserView> users() {
		return this.administration.list()
			.stream()
			.map(account -> UserView.of(account, this.guard.accountLockedUntil(account.username()).orElse(null)))
			.toList();
	}

	@PostMapping("/users")
	@PreAuthorize("hasRole('ADMIN')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a user",
			description = "Without a password a random one is generated and returned once as initialPassword.")
	Map<String, Object> createUser(@Valid @RequestBody NewUser user) {
		UserAdministration.CreatedUser created = this.administration.create(user);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("user", UserView.of(created.account(), null));
		if (user.password() == null || user.password().isBlank()) {
			body.put("initialPassword", created.initialPassword());
		}
		return body;
	}

	@PostMapping("/users/{username}/unlock")
	@PreAuthorize("hasRole('ADMIN')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Lift a lockout before it expires")
	void unlock(@PathVariable String username) {
		this.administration.unlock(username);
	}

	@PutMapping("/users/{username}/enabled")
	@PreAuthorize("hasRole('ADMIN')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Enable or disable a user")
	void setEnabled(@PathVariable String username, @RequestBody boolean enabled) {
		this.administration.setEnabled(username, enabled);
	}

	@GetMapping("/audit")
	@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
	@Operation(summary = "Search the audit log, newest first")
	Map<String, Object> audit(@RequestParam(required = false) String actor,
			@RequestParam(required = false) String action, @RequestParam(required = false) String objectType,
			@RequestParam(required = false) String objectId, @RequestParam(required = false) AuditResult result,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		if (size < 1 || size > 1000) {
			throw new IllegalArgumentException("size must be between 1 and 1000, was " + size);
		}
		AuditQueries.Page found = this.auditQueries.search(
				new AuditQueries.AuditFilter(actor, action, objectType, objectId, result, from, to), Math.max(0, page),
				size);
		return Map.of("entries", found.entries(), "page", found.page(), "size", found.size(), "total", found.total());
	}

	@GetMapping("/audit/verification")
	@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
	@Operation(summary = "Verify the audit log's hash chain",
			description = "intact=false names each row that was edited, deleted or inserted.")
	AuditVerification verify() {
		return this.trail.verify(null);
	}

	@ExceptionHandler(PasswordRejectedException.class)
	ProblemDetail passwordRejected(PasswordRejectedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				String.join(" ", this.messages.describe(ex, Locale.ENGLISH)));
		problem.setTitle("Password rejected");
		problem.setProperty("violations", ex.violations().stream().map(PasswordPolicy.Violation::code).toList());
		return problem;
	}

	record PasswordChange(@NotBlank String currentPassword, @NotBlank String newPassword) {
	}

	record TokenRequest(@NotBlank String name, Integer validDays) {
	}

}
