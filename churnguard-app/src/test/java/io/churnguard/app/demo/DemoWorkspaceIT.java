package io.churnguard.app.demo;

import java.time.Duration;
import java.time.LocalDate;

import io.churnguard.app.support.ChurnGuardIT;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** ./churnguard demo fills an empty workspace with a company whose history ends today. */
@ChurnGuardIT(properties = { "churnguard.demo.enabled=true", "churnguard.demo.customers=300" })
class DemoWorkspaceIT {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theDemoCompanyLoadsWithUsersForEachRoleAndGrades() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
		while (System.nanoTime() < deadline
				&& count("select count(*) from scoring_run where finished_at is not null") == 0) {
			Thread.sleep(200);
		}
		assertThat(count("select count(*) from customer")).isEqualTo(300);
		assertThat(count("select count(*) from event")).isGreaterThan(300 * 100);
		assertThat(count("select count(*) from customer where status = 'churned'")).isPositive();
		assertThat(count("select count(*) from customer where value_grade is not null"))
			.isEqualTo(count("select count(*) from customer where status = 'active'"));
		assertThat(this.jdbc.queryForObject("select max(event_time)::date from event", LocalDate.class))
			.isAfter(LocalDate.now().minusDays(8));
		assertThat(this.jdbc.queryForList("select username from app_user", String.class)).contains("head", "manager_gd",
				"agent_gd_01", "analyst", "auditor");
		assertThat(count("select count(*) from customer where owner = 'agent_gd_01'")).isPositive();
		assertThat(count("select count(*) from model where status = 'champion'")).isEqualTo(1);
		assertThat(count("select count(*) from score_latest"))
			.isEqualTo(count("select count(*) from customer where status = 'active' and exists "
					+ "(select 1 from event e where e.customer_id = customer.customer_id)"));
	}

	private long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

}
