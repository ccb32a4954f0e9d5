package io.churnguard.app.security.internal;

import io.churnguard.app.security.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A user to create, as entered in the console or sent to the API. */
record NewUser(
		@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+",
				message = "{user.username.pattern}") String username,
		@NotBlank @Size(max = 128) String displayName, @NotNull Role role, @Size(max = 64) String region,
		@Size(max = 64) String team, @Email @Size(max = 254) String email, String password) {

	NewUser {
		region = blankToNull(region);
		team = blankToNull(team);
		email = blankToNull(email);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
