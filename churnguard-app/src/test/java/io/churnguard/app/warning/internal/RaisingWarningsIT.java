package io.churnguard.app.warning.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.churnguard.app.security.UserDirectory;
import io.churnguard.app.support.ChurnGuardIT;
import io.churnguard.app.support.Http;
import io.churnguard.app.support.MutableClock;
import io.churnguard.app.support.TestCompany;
import io.churnguard.app.warning.WarningLevel;
import io.churnguard.app.warning.WarningRaised;
import io.churnguard.app.warning.WarningsRaised;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.AopTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raising a whole call's candidates at once, against PostgreSQL: what it leaves in the
 * warning and history tables, and what it announces, is what raising them one by one did
 * — including two candidates for one customer and cause in the same call.
 */
@ChurnGuardIT(properties = "churnguard.test.context=raising")
class RaisingWarningsIT {

	static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

	static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

	@Autowired
	WarningStore store;

	@Autowired
	CustomerFactsStore customers;

	@Autowired
	UserDirectory users;

	@Autowired
	WarningAccess access;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WarningNotifications notifications;

	@Autowired
	MutableClock clock;

	@LocalServerPort
	int port;

	@Value("${churnguard.admin-password}")
	String adminPassword;

	final List<WarningRaised> announced = new ArrayList<>();

	@BeforeEach
	void stopTheClock() {
		this.clock.set(NOW);
		this.announced.clear();
	}

	@Test
	void twoCandidatesForOneCauseInOneCallRaiseOneWarningWhichTheMoreSevereSecondUpgrades() {
		customer("RW-DUP-1", "C", "rw-dup");
		RaisingWarnings.Outcome outcome = raising(200).raise(
				List.of(model("RW-DUP-1", WarningLevel.III, 0.41, null), model("RW-DUP-1", WarningLevel.I, 0.83, null)),
				facts("RW-DUP-1"), TODAY, "realtime");

		assertThat(outcome).isEqualTo(new RaisingWarnings.Outcome(1, 1, 0));
		Map<String, Object> warning = this.jdbc
			.queryForMap("select * from warning where customer_id = 'RW-DUP-1' and cause_key = 'model'");
		assertThat(level(warning)).isEqualTo(1);
		assertThat(warning).containsEntry("probability", 0.83);
		// The earlier of the two due dates: now + level I's 24 hours, not level III's 72.
		assertThat(instant(warning, "due_at")).isEqualTo(NOW.plus(Duration.ofHours(24)));
		long id = (Long) warning.get("id");
		assertThat(history(id)).containsExactly("raised III team queue rw-dup", "upgraded I III → I");
		assertThat(this.announced).containsExactly(
				new WarningRaised(id, "RW-DUP-1", WarningLevel.III, "model", null, false),
				new WarningRaised(id, "RW-DUP-1", WarningLevel.I, "model", null, true));
	}

	@Test
	void twoCandidatesForOneCauseInOneCallWhereTheSecondIsMilderRaiseOneWarningWithTheLatestScore() {
		customer("RW-DUP-2", "C", "rw-dup");
		RaisingWarnings.Outcome outcome = raising(200).raise(
				List.of(model("RW-DUP-2", WarningLevel.II, 0.71, null), model("RW-DUP-2", WarningLevel.IV, 0.35, null)),
				facts("RW-DUP-2"), TODAY, "realtime");

		assertThat(outcome).isEqualTo(new RaisingWarnings.Outcome(1, 0, 0));
		Map<String, Object> warning = this.jdbc.queryForMap("select * from warning where customer_id = 'RW-DUP-2'");
		assertThat(level(warning)).isEqualTo(2);
		assertThat(warning).containsEntry("probability", 0.35);
		assertThat(instant(warning, "due_at")).isEqualTo(NOW.plus(Duration.ofHours(48)));
		assertThat(history((Long) warning.get("id"))).containsExactly("raised II team queue rw-dup");
		assertThat(this.announced).hasSize(1);
	}

	@Test
	void anOpenWarningIsUpgradedInPlaceByAMoreSevereCandidateAndOnlyRefreshedByAMilderOne() {
		customer("RW-UP-1", "C", "rw-up");
		customer("RW-UP-2", "C", "rw-up");
		raising(200).raise(
				List.of(rule("RW-UP-1", WarningLevel.II, 0.50, "renewal_offer"),
						rule("RW-UP-2", WarningLevel.II, 0.50, "renewal_offer")),
				facts("RW-UP-1", "RW-UP-2"), TODAY, "scoring");
		this.announced.clear();
		this.clock.set(NOW.plus(Duration.ofHours(1)));

		RaisingWarnings.Outcome outcome = raising(200).raise(
				List.of(rule("RW-UP-1", WarningLevel.I, 0.90, null),
						rule("RW-UP-2", WarningLevel.III, 0.65, "callback")),
				facts("RW-UP-1", "RW-UP-2"), TODAY, "realtime");

		assertThat(outcome).isEqualTo(new RaisingWarnings.Outcome(0, 1, 0));
		Map<String, Object> upgraded = this.jdbc.queryForMap("select * from warning where customer_id = 'RW-UP-1'");
		assertThat(level(upgraded)).isEqualTo(1);
		assertThat(upgraded).containsEntry("probability", 0.90)
			// A candidate without an action keeps the warning's.
			.containsEntry("action", "renewal_offer");
		// now + 24 h is earlier than the first due date (raising + 48 h).
		assertThat(instant(upgraded, "due_at")).isEqualTo(NOW.plus(Duration.ofHours(25)));
		assertThat(history((Long) upgraded.get("id"))).containsExactly("raised II team queue rw-up",
				"upgraded I II → I");
		Map<String, Object> refreshed = this.jdbc.queryForMap("select * from warning where customer_id = 'RW-UP-2'");
		assertThat(level(refreshed)).isEqualTo(2);
		assertThat(refreshed).containsEntry("probability", 0.65).containsEntry("action", "renewal_offer");
		assertThat(instant(refreshed, "due_at")).isEqualTo(NOW.plus(Duration.ofHours(48)));
		assertThat(instant(refreshed, "updated_at")).isEqualTo(NOW.plus(Duration.ofHours(1)));
		assertThat(history((Long) refreshed.get("id"))).containsExactly("raised II team queue rw-up");
		assertThat(this.announced).containsExactly(
				new WarningRaised((Long) upgraded.get("id"), "RW-UP-1", WarningLevel.I, "rule:rw", null, true));
	}

	@Test
	void refreshesOfOneCallWriteEachWarningsOwnFiguresAndKeepItsReasonsWhenTheScoreCameWithout() {
		customer("RW-REF-1", "C", "rw-ref");
		customer("RW-REF-2", "C", "rw-ref");
		customer("RW-REF-3", "C", "rw-ref");
		raising(200).raise(
				List.of(model("RW-REF-1", WarningLevel.III, 0.50, "callback"),
						model("RW-REF-2", WarningLevel.III, 0.50, "callback"),
						model("RW-REF-3", WarningLevel.III, 0.50, "callback")),
				facts("RW-REF-1", "RW-REF-2", "RW-REF-3"), TODAY, "scoring");
		this.clock.set(NOW.plus(Duration.ofHours(2)));

		// Real time refreshes without explaining: no reasons, so the stored ones stay.
		Candidate unexplained = new Candidate("RW-REF-1", "model", "model", WarningLevel.IV, 0.61, "medium", "cg-next",
				null, new BigDecimal("123.45"), null);
		Candidate explained = new Candidate("RW-REF-2", "model", "model", WarningLevel.III, 0.55, "high", "cg-next",
				List.of(new Candidate.Reason("通话减少", "fewer calls")), new BigDecimal("7.50"), "visit");
		Candidate unscored = new Candidate("RW-REF-3", "model", "model", WarningLevel.IV, Double.NaN, "low", "cg-next",
				null, null, null);
		RaisingWarnings.Outcome outcome = raising(200).raise(List.of(unexplained, explained, unscored),
				facts("RW-REF-1", "RW-REF-2", "RW-REF-3"), TODAY, "realtime");

		assertThat(outcome).isEqualTo(new RaisingWarnings.Outcome(0, 0, 0));
		assertThat(this.jdbc.queryForList("""
				select customer_id || ' ' || level || ' ' || coalesce(probability::text, '-') || ' ' || risk_band || ' '
				       || model_id || ' ' || (reasons -> 0 ->> 'en') || ' ' || coalesce(value_at_risk::text, '-') || ' '
				       || action || ' ' || (updated_at = ?) || ' ' || (due_at = ?)
				from warning where customer_id like 'RW-REF-%' order by customer_id""", String.class,
				Timestamp.from(NOW.plus(Duration.ofHours(2))), Timestamp.from(NOW.plus(Duration.ofHours(72)))))
			.containsExactly("RW-REF-1 3 0.61 medium cg-next more complaints 123.45 callback true true",
					"RW-REF-2 3 0.55 high cg-next fewer calls 7.50 callback true true",
					"RW-REF-3 3 - low cg-next more complaints - callback true true");
	}

	@Test
	void aDailyRunsThousandsOfRefreshesAreWrittenAsOneRefreshWouldBe() {
		// From WarningStore.BULK_UPDATE changed warnings on, raising writes them through
		// a temporary table: the result must be the one-by-one batch's.
		int n = WarningStore.BULK_UPDATE + 5;
		List<String> ids = newCustomers("RW-BULK-", n, "rw-bulk");
		Map<String, CustomerFacts> facts = this.customers.facts(ids);
		raising(200).raise(ids.stream().map(id -> model(id, WarningLevel.III, 0.5, null)).toList(), facts, TODAY,
				"scoring");
		this.announced.clear();
		this.clock.set(NOW.plus(Duration.ofHours(1)));

		List<Candidate> again = new ArrayList<>();
		again.add(model("RW-BULK-1", WarningLevel.I, 0.9, "callback"));
		ids.stream().skip(1).map(id -> model(id, WarningLevel.IV, 0.25, "callback")).forEach(again::add);
		RaisingWarnings.Outcome outcome = raising(200).raise(again, facts, TODAY, "scoring");

		assertThat(outcome).isEqualTo(new RaisingWarnings.Outcome(0, 1, 0));
		Map<String, Object> upgraded = this.jdbc.queryForMap("select * from warning where customer_id = 'RW-BULK-1'");
		assertThat(level(upgraded)).isEqualTo(1);
		assertThat(upgraded).containsEntry("probability", 0.9).containsEntry("action", "callback");
		assertThat(instant(upgraded, "due_at")).isEqualTo(NOW.plus(Duration.ofHours(25)));
		assertThat(this.jdbc.queryForList("""
				select distinct level || ' ' || probability || ' ' || coalesce(action, '-') || ' '
				       || (reasons -> 0 ->> 'en') || ' ' || value_at_risk || ' ' || (updated_at = ?)
				       || ' ' || (due_at = ?)
				from warning where customer_id like 'RW-BULK-%' and customer_id <> 'RW-BULK-1'""", String.class,
				Timestamp.from(NOW.plus(Duration.ofHours(1))), Timestamp.from(NOW.plus(Duration.ofHours(72)))))
			.as("every refreshed warning: level, action and due date kept, figures of the latest score")
			.containsExactly("3 0.25 - more complaints 100.00 true true");
		assertThat(
				this.jdbc.queryForObject("select count(*) from warning_history h join warning w on w.id = h.warning_id "
						+ "where w.customer_id like 'RW-BULK-%' and h.action <> 'raised'", Long.class))
			.isEqualTo(1);
		assertThat(this.announced).hasSize(1);
	}

	@Test
	void aCauseClosedWithinTheSuppressionPeriodStaysQuietWhileOlderClosesAndOtherCausesDoNot() {
		customer("RW-SUP-1", "C", "rw-sup");
		customer("RW-SUP-2", "C", "rw-sup");
		closed("RW-SUP-1", "model", NOW.minus(Duration.ofDays(5)));
		closed("RW-SUP-2", "model", NOW.minus(Duration.ofDays(40)));

		RaisingWarnings.Outcome outcome = raising(200).raise(
				List.of(model("RW-SUP-1", WarningLevel.I, 0.9, null), rule("RW-SUP-1", WarningLevel.III, 0.9, null),
						model("RW-SUP-2", WarningLevel.II, 0.7, null)),
				facts("RW-SUP-1", "RW-SUP-2"), TODAY, "scoring");

		assertThat(outcome).isEqualTo(new RaisingWarnings.Outcome(2, 0, 1));
		assertThat(this.jdbc
			.queryForList("select customer_id || ' ' || cause_key from warning where customer_id like 'RW-SUP-%' "
					+ "and status <> 'closed' order by 1", String.class))
			.containsExactly("RW-SUP-1 rule:7", "RW-SUP-2 model");
	}

	@Test
	void newWarningsOfOneCallGoToTheLeastLoadedAgentOfTheTeamAndNobodyBeyondCapacity() {
		TestCompany.user(Http.api(this.port), this.adminPassword, "rw_agent_b", "AGENT", null, "rw-route");
		TestCompany.user(Http.api(this.port), this.adminPassword, "rw_agent_a", "AGENT", null, "rw-route");
		List<Candidate> candidates = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			customer("RW-ROUTE-" + i, "D", "rw-route");
			candidates.add(model("RW-ROUTE-" + i, WarningLevel.III, 0.5, null));
		}

		raising(2).raise(candidates, facts("RW-ROUTE-1", "RW-ROUTE-2", "RW-ROUTE-3", "RW-ROUTE-4", "RW-ROUTE-5"), TODAY,
				"scoring");

		assertThat(this.jdbc.queryForList("""
				select customer_id || ' ' || coalesce(owner, '-') || ' ' || status from warning
				where customer_id like 'RW-ROUTE-%' order by customer_id""", String.class)).containsExactly(
				"RW-ROUTE-1 rw_agent_a assigned", "RW-ROUTE-2 rw_agent_b assigned", "RW-ROUTE-3 rw_agent_a assigned",
				"RW-ROUTE-4 rw_agent_b assigned", "RW-ROUTE-5 - new");
		assertThat(this.announced).extracting(WarningRaised::owner)
			.containsExactly("rw_agent_a", "rw_agent_b", "rw_agent_a", "rw_agent_b", null);
		assertThat(this.jdbc.queryForList("""
				select h.note from warning_history h join warning w on w.id = h.warning_id
				where w.customer_id like 'RW-ROUTE-%' order by w.customer_id""", String.class)).containsExactly(
				"routed to rw_agent_a", "routed to rw_agent_b", "routed to rw_agent_a", "routed to rw_agent_b",
				"team queue rw-route");
	}

	@Test
	void routingCountsEachPersonsOpenWarningsNotTheirClosedOnesAndSendsNobodyBeyondCapacity() {
		TestCompany.user(Http.api(this.port), this.adminPassword, "rw_cap_full", "AGENT", null, "rw-cap");
		TestCompany.user(Http.api(this.port), this.adminPassword, "rw_cap_room", "AGENT", null, "rw-cap");
		// Capacity 3: one agent has 4 open warnings, the other 2 open and 5 closed.
		for (int i = 1; i <= 4; i++) {
			owned("RW-CAP-OLD-" + i, "rw_cap_full", "assigned");
		}
		owned("RW-CAP-OLD-5", "rw_cap_room", "assigned");
		owned("RW-CAP-OLD-6", "rw_cap_room", "in_progress");
		for (int i = 7; i <= 11; i++) {
			owned("RW-CAP-OLD-" + i, "rw_cap_room", "closed");
		}
		customer("RW-CAP-1", "D", "rw-cap");
		customer("RW-CAP-2", "D", "rw-cap");

		raising(3).raise(
				List.of(model("RW-CAP-1", WarningLevel.III, 0.5, null), model("RW-CAP-2", WarningLevel.III, 0.5, null)),
				facts("RW-CAP-1", "RW-CAP-2"), TODAY, "scoring");

		assertThat(this.jdbc.queryForList("""
				select customer_id || ' ' || coalesce(owner, '-') from warning
				where customer_id in ('RW-CAP-1', 'RW-CAP-2') order by customer_id""", String.class))
			.containsExactly("RW-CAP-1 rw_cap_room", "RW-CAP-2 -");
	}

	@Test
	void anOwnerGivenManyWarningsAtOnceGetsOneSummaryPerRegionAndAFewGetOneMessageEach() {
		TestCompany.user(Http.api(this.port), this.adminPassword, "rw_agent_many", "AGENT", null, "rw-many");
		TestCompany.user(Http.api(this.port), this.adminPassword, "rw_agent_few", "AGENT", null, "rw-few");
		List<Candidate> candidates = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		for (int i = 1; i <= WarningNotifications.SUMMARY_FROM + 2; i++) {
			customer("RW-MANY-" + i, "C", "rw-many");
			candidates.add(model("RW-MANY-" + i, (i == 7) ? WarningLevel.II : WarningLevel.III, 0.5, null));
			ids.add("RW-MANY-" + i);
		}
		for (int i = 1; i <= 2; i++) {
			customer("RW-FEW-" + i, "C", "rw-few");
			candidates.add(model("RW-FEW-" + i, WarningLevel.III, 0.5, null));
			ids.add("RW-FEW-" + i);
		}
		this.announced.clear();
		raising(200).raise(candidates, this.customers.facts(ids), TODAY, "scoring");
		WarningsRaised announcement = new WarningsRaised(List.copyOf(this.announced));

		// The listener itself, not its asynchronous proxy: handled twice, one after the
		// other, as a redelivered announcement would be.
		WarningNotifications listener = AopTestUtils.getUltimateTargetObject(this.notifications);
		listener.on(announcement);
		listener.on(announcement);

		List<Map<String, Object>> many = this.jdbc.queryForList(
				"select kind, title_zh, title_en, body_en, link, level from notification where recipient = 'rw_agent_many'");
		assertThat(many).as("one summary, however often the announcement is handled").hasSize(1);
		assertThat(many.get(0)).containsEntry("kind", "warning.raised")
			.containsEntry("title_zh", "12 条新预警待您处理（测试省）")
			.containsEntry("title_en", "12 new warnings for you in 测试省")
			.containsEntry("link", "/warnings?owner=rw_agent_many")
			.containsEntry("level", "II");
		assertThat((String) many.get(0).get("body_en"))
			.startsWith("level II: 1, level III: 11. Most severe: RW-MANY-7 (II), RW-MANY-1 (III)");

		// Upgraded together: a summary of its own kind, as single upgrades have.
		this.announced.clear();
		raising(200).raise(ids.stream()
			.filter(id -> id.startsWith("RW-MANY-"))
			.map(id -> model(id, WarningLevel.I, 0.9, null))
			.toList(), this.customers.facts(ids), TODAY, "scoring");
		listener.on(new WarningsRaised(List.copyOf(this.announced)));
		assertThat(this.jdbc.queryForList(
				"select kind || ' ' || level || ' ' || title_en from notification where recipient = 'rw_agent_many' order by id",
				String.class))
			.containsExactly("warning.raised II 12 new warnings for you in 测试省",
					"warning.upgraded I 12 of your warnings upgraded in 测试省");
		assertThat(this.jdbc.queryForList(
				"select event_key from notification where recipient = 'rw_agent_few' order by event_key", String.class))
			.as("below the threshold, a message per warning")
			.hasSize(2)
			.allMatch(key -> key.matches("warning:\\d+:raised"));
	}

	@Test
	void announcementsOfMoreThanOneChunkKeepEachOwnersWarningsTogether() {
		TestCompany.user(Http.api(this.port), this.adminPassword, "rw_chunk_a", "AGENT", null, "rw-chunk");
		TestCompany.user(Http.api(this.port), this.adminPassword, "rw_chunk_b", "AGENT", null, "rw-chunk");
		int n = WarningsRaised.MAX + 5;
		List<String> ids = newCustomers("RW-CHUNK-", n, "rw-chunk");
		this.announced.clear();

		// Least-loaded routing alternates the two agents.
		raising(n).raise(ids.stream().map(id -> model(id, WarningLevel.III, 0.5, null)).toList(),
				this.customers.facts(ids), TODAY, "scoring");

		assertThat(this.announced).hasSize(n);
		List<String> owners = this.announced.stream().map(WarningRaised::owner).toList();
		int firstB = owners.indexOf("rw_chunk_b");
		assertThat(owners.subList(0, firstB)).as("one owner's warnings, then the other's").containsOnly("rw_chunk_a");
		assertThat(owners.subList(firstB, n)).containsOnly("rw_chunk_b");
		assertThat(firstB).isBetween(n / 2 - 1, n / 2 + 1);
	}

	@Test
	void aCustomerWhoLeftBeforeTheScoredDayGetsNoWarning() {
		customer("RW-GONE-1", "C", "rw-gone");
		this.jdbc.update("update customer set status = 'churned', churn_date = ? where customer_id = 'RW-GONE-1'",
				TODAY.minusDays(3));

		RaisingWarnings.Outcome outcome = raising(200).raise(List.of(model("RW-GONE-1", WarningLevel.I, 0.9, null)),
				facts("RW-GONE-1"), TODAY, "scoring");

		assertThat(outcome).isEqualTo(new RaisingWarnings.Outcome(0, 0, 0));
		assertThat(
				this.jdbc.queryForObject("select count(*) from warning where customer_id = 'RW-GONE-1'", Integer.class))
			.isZero();
	}

	/**
	 * Raising with the given capacity, recording its announcements (the statements commit
	 * one by one: no transaction around the call).
	 */
	private RaisingWarnings raising(int capacity) {
		WarningSettings settings = new WarningSettings(Duration.ofHours(24), Duration.ofHours(48), Duration.ofHours(72),
				Duration.ofDays(7), Duration.ofDays(30), capacity);
		return new RaisingWarnings(this.store, this.users, settings,
				event -> this.announced.addAll(((WarningsRaised) event).warnings()), this.access, this.clock);
	}

	private void customer(String id, String grade, String team) {
		this.jdbc.update("""
				insert into customer (customer_id, name, province, team, join_date, value_grade, monthly_fee)
				values (?, '测试', '测试省', ?, date '2024-01-01', ?, 88)""", id, team, grade);
	}

	/** Many C-grade customers of one team at once: {@code prefix1} to {@code prefixN}. */
	private List<String> newCustomers(String prefix, int n, String team) {
		this.jdbc.update("""
				insert into customer (customer_id, name, province, team, join_date, value_grade, monthly_fee)
				select ? || i, '测试', '测试省', ?, date '2024-01-01', 'C', 88
				from generate_series(1, ?) i""", prefix, team, n);
		return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i).toList();
	}

	private Map<String, CustomerFacts> facts(String... ids) {
		return this.customers.facts(List.of(ids));
	}

	private void owned(String customerId, String owner, String status) {
		customer(customerId, "D", "rw-cap");
		this.jdbc.update("""
				insert into warning (customer_id, cause_key, cause, level, status, owner, raised_at, updated_at, due_at,
				                     closed_at)
				values (?, 'model', 'model', 3, ?, ?, ?, ?, ?, ?)""", customerId, status, owner, Timestamp.from(NOW),
				Timestamp.from(NOW), Timestamp.from(NOW.plus(Duration.ofDays(3))),
				"closed".equals(status) ? Timestamp.from(NOW) : null);
	}

	private void closed(String customerId, String key, Instant closedAt) {
		this.jdbc.update(
				"""
						insert into warning (customer_id, cause_key, cause, level, status, outcome, raised_at, updated_at, due_at,
						                     closed_at)
						values (?, ?, ?, 2, 'closed', 'retained', ?, ?, ?, ?)""",
				customerId, key, key, Timestamp.from(closedAt.minus(Duration.ofDays(2))), Timestamp.from(closedAt),
				Timestamp.from(closedAt), Timestamp.from(closedAt));
	}

	private List<String> history(long warningId) {
		return this.jdbc.queryForList("""
				select action || ' ' || case level when 1 then 'I' when 2 then 'II' when 3 then 'III' else 'IV' end
				       || ' ' || note
				from warning_history where warning_id = ? order by id""", String.class, warningId);
	}

	private static int level(Map<String, Object> row) {
		return ((Number) row.get("level")).intValue();
	}

	private static Instant instant(Map<String, Object> row, String column) {
		return ((Timestamp) row.get(column)).toInstant();
	}

	private static Candidate model(String customerId, WarningLevel level, double probability, String action) {
		return new Candidate(customerId, "model", "model", level, probability, "high", "cg-test",
				List.of(new Candidate.Reason("投诉增多", "more complaints")), BigDecimal.valueOf(100), action);
	}

	private static Candidate rule(String customerId, WarningLevel level, double probability, String action) {
		return new Candidate(customerId, "rule:7", "rule:rw", level, probability, "medium", "cg-test",
				List.of(new Candidate.Reason("合约将到期", "contract ending")), BigDecimal.valueOf(50), action);
	}

}
