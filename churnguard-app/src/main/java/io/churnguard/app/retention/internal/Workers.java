package io.churnguard.app.retention.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.churnguard.app.security.Actor;
import io.churnguard.app.security.UserDirectory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The users who carry out contacts, with their open tasks, for routing. */
@Component
class Workers {

	private final UserDirectory users;

	private final JdbcTemplate jdbc;

	Workers(UserDirectory users, JdbcTemplate jdbc) {
		this.users = users;
		this.jdbc = jdbc;
	}

	TaskRouting routing() {
		List<Actor> workers = this.users.workers();
		Map<String, Integer> load = new HashMap<>();
		this.jdbc.query(
				"select owner, count(*) from contact_task where status = 'open' and owner is not null group by 1",
				rs -> {
					load.put(rs.getString(1), rs.getInt(2));
				});
		return new TaskRouting(workers, load);
	}

	Actor author(Campaign campaign) {
		return this.users.find(campaign.createdBy())
			.orElseThrow(() -> new IllegalStateException(
					"the campaign's author " + campaign.createdBy() + " no longer exists; its scope is unknown"));
	}

}
