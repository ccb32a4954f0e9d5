package io.churnguard.app.security.internal;

import java.security.SecureRandom;
import java.util.List;
import java.util.NoSuchElementException;

import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating users, changing passwords, enabling, disabling and unlocking — each audited.
 */
@Service
class UserAdministration {

	private static final char[] PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_!"
		.toCharArray();

	private final UserAccounts users;

	private final LoginFailures failures;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy = PasswordPolicy.standard();

	private final AuditLog audit;

	private final SecureRandom random = new SecureRandom();

	UserAdministration(UserAccounts users, LoginFailures failures, PasswordEncoder encoder, AuditLog audit) {
		this.users = users;
		this.failures = failures;
		this.encoder = encoder;
		this.audit = audit;
	}

	/**
	 * Creates a user. Without a password, a random one is generated.
	 * @return the account and the initial password, which is shown once and not stored
	 */
	@Transactional
	CreatedUser create(NewUser user) {
		if (this.users.findByUsername(user.username()).isPresent()) {
			throw new IllegalArgumentException("user '" + user.username() + "' already exists");
		}
		String password = (user.password() == null || user.password().isBlank()) ? randomPassword() : user.password();
		requireAcceptable(password, user.username());
		UserAccount account = this.users.create(user, this.encoder.encode(password));
		this.audit.record(AuditRecord.success("USER_CREATED", "user", account.username())
			.with("role", account.role().name())
			.with("region", String.valueOf(account.region()))
			.with("team", String.valueOf(account.team())));
		return new CreatedUser(account, password);
	}

	@Transactional
	void changePassword(String username, String currentPassword, String newPassword) {
		UserAccount account = require(username);
		if (!this.encoder.matches(currentPassword, account.passwordHash())) {
			this.audit.record(
					AuditRecord.failure("PASSWORD_CHANGE", "user", username).with("reason", "wrong current password"));
			throw new IllegalArgumentException("password.currentWrong");
		}
		requireAcceptable(newPassword, username);
		this.users.updatePassword(account.id(), this.encoder.encode(newPassword));
		this.audit.record(AuditRecord.success("PASSWORD_CHANGE", "user", username));
	}

	/** An administrator sets a new random password, for a user who forgot theirs. */
	@Transactional
	String resetPassword(String username) {
		UserAccount account = require(username);
		String password = randomPassword();
		this.users.updatePassword(account.id(), this.encoder.encode(password));
		this.failures.clearUser(username);
		this.audit.record(AuditRecord.success("PASSWORD_RESET", "user", username));
		return password;
	}

	@Transactional
	void setEnabled(String username, boolean enabled) {
		UserAccount account = require(username);
		this.users.setEnabled(account.id(), enabled);
		this.audit.record(AuditRecord.success(enabled ? "USER_ENABLED" : "USER_DISABLED", "user", username));
	}

	@Transactional
	void unlock(String username) {
		require(username);
		this.failures.clearUser(username);
		this.audit.record(AuditRecord.success("USER_UNLOCKED", "user", username));
	}

	List<UserAccount> list() {
		return this.users.findAll();
	}

	UserAccount require(String username) {
		return this.users.findByUsername(username)
			.orElseThrow(() -> new NoSuchElementException("no user '" + username + "'"));
	}

	void requireAcceptable(String password, String username) {
		List<PasswordPolicy.Violation> violations = this.policy.check(password, username);
		if (!violations.isEmpty()) {
			throw new PasswordRejectedException(violations);
		}
	}

	String randomPassword() {
		StringBuilder password = new StringBuilder(16);
		for (int i = 0; i < 16; i++) {
			password.append(PASSWORD_ALPHABET[this.random.nextInt(PASSWORD_ALPHABET.length)]);
		}
		return password.toString();
	}

	record CreatedUser(UserAccount account, String initialPassword) {
	}

}
