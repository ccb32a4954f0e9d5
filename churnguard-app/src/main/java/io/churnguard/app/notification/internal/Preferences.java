package io.churnguard.app.notification.internal;

import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The language each user reads notifications in; Chinese unless they chose English. */
@Repository
class Preferences {

	private final JdbcClient jdbc;

	Preferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Locale locale(String username) {
		return Locales.of(this.jdbc.sql("select locale from notification_preference where username = ?")
			.param(username)
			.query(String.class)
			.optional()
			.orElse("zh-CN"));
	}

	void setLocale(String username, String tag) {
		this.jdbc.sql("""
				insert into notification_preference (username, locale) values (?, ?)
				on conflict (username) do update set locale = excluded.locale""")
			.params(username, Locales.require(tag))
			.update();
	}

}
