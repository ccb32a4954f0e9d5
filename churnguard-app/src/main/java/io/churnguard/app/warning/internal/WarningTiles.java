package io.churnguard.app.warning.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.churnguard.app.security.Actor;
import io.churnguard.app.web.OverviewTile;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Overview tiles: open warnings by level, overdue ones, and the value at risk — within
 * the viewer's scope.
 */
@Configuration(proxyBeanMethods = false)
class WarningTiles {

	static final Set<String> ROLES = Set.of("ADMIN", "RETENTION_HEAD", "SALES_MANAGER", "SERVICE_MANAGER", "AGENT",
			"ANALYST");

	@Bean
	OverviewTile levelOneTile(JdbcTemplate jdbc) {
		return levelTile(jdbc, 1, 1);
	}

	@Bean
	OverviewTile levelTwoTile(JdbcTemplate jdbc) {
		return levelTile(jdbc, 2, 2);
	}

	@Bean
	OverviewTile levelThreeFourTile(JdbcTemplate jdbc) {
		return new Tile(4, (locale) -> {
			long count = count(jdbc, "status <> 'closed' and level >= 3", List.of());
			return new OverviewTile.Content("overview.warnings.level34", Long.toString(count), null, "neutral",
					"/warnings?status=open");
		});
	}

	@Bean
	OverviewTile overdueTile(JdbcTemplate jdbc, Clock clock) {
		return new Tile(5, (locale) -> {
			long count = count(jdbc, "status <> 'closed' and due_at < ?", List.of(Timestamp.from(clock.instant())));
			return new OverviewTile.Content("overview.warnings.overdue", Long.toString(count),
					"overview.warnings.overdue.note", (count > 0) ? "bad" : "ok", "/warnings?overdue=true");
		});
	}

	@Bean
	OverviewTile valueAtRiskTile(JdbcTemplate jdbc) {
		return new Tile(6, (locale) -> {
			WarningScope scope = WarningScope.of(Actor.require(), "");
			BigDecimal value = jdbc
				.queryForObject("select coalesce(sum(value_at_risk), 0) from warning where status <> 'closed' and ("
						+ scope.condition() + ")", BigDecimal.class, scope.parameters().toArray());
			return new OverviewTile.Content("overview.warnings.valueAtRisk",
					String.format(Locale.ROOT, "¥%,.0f", value), "overview.warnings.valueAtRisk.note", "warn",
					"/warnings?status=open");
		});
	}

	private static OverviewTile levelTile(JdbcTemplate jdbc, int level, int order) {
		return new Tile(order, (locale) -> {
			long count = count(jdbc, "status <> 'closed' and level = " + level, List.of());
			return new OverviewTile.Content("overview.warnings.level" + level, Long.toString(count),
					"overview.warnings.open", (level == 1 && count > 0) ? "bad" : (count > 0) ? "warn" : "ok",
					"/warnings?status=open&level=" + level);
		});
	}

	private static long count(JdbcTemplate jdbc, String condition, List<Object> parameters) {
		WarningScope scope = WarningScope.of(Actor.require(), "");
		List<Object> all = new ArrayList<>(parameters);
		all.addAll(scope.parameters());
		Long count = jdbc.queryForObject(
				"select count(*) from warning where " + condition + " and (" + scope.condition() + ")", Long.class,
				all.toArray());
		return (count != null) ? count : 0;
	}

	private record Tile(int order, java.util.function.Function<Locale, Content> content) implements OverviewTile {

		@Override
		public Set<String> roles() {
			return ROLES;
		}

		@Override
		public Content content(Locale locale) {
			return this.content.apply(locale);
		}

	}

}
