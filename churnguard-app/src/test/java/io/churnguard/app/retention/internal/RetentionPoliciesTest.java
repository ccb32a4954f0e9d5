package io.churnguard.app.retention.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.churnguard.app.security.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The retention policies as scenarios, without a database. */
class RetentionPoliciesTest {

	static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");

	final ContactFrequencyPolicy twoIn30Days = new ContactFrequencyPolicy(2, 30);

	@Test
	void aCustomerContactedTwiceInThirtyDaysIsNotContactedAThirdTime() {
		List<Instant> contacts = List.of(NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(20)));
		assertThat(this.twoIn30Days.check(contacts, NOW)).isEqualTo(Decision.refuse("frequency"));
	}

	@Test
	void aContactOlderThanTheWindowNoLongerCounts() {
		List<Instant> contacts = List.of(NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(31)));
		assertThat(this.twoIn30Days.check(contacts, NOW).allowed()).isTrue();
	}

	@Test
	void contactsAtTheSameMomentCountToo() {
		assertThat(this.twoIn30Days.check(List.of(NOW, NOW), NOW).allowed()).isFalse();
		assertThat(this.twoIn30Days.check(List.of(NOW), NOW).allowed()).isTrue();
	}

	@Test
	void theBlackListWinsOverTheWhiteListAndDoNotContactAndConsentAreRespected() {
		ContactPermissionPolicy policy = new ContactPermissionPolicy();
		assertThat(policy.check(new ContactStanding(true, true, false, true)).reason()).isEqualTo("black_list");
		assertThat(policy.check(new ContactStanding(false, false, true, true)).reason()).isEqualTo("do_not_contact");
		assertThat(policy.check(new ContactStanding(false, false, false, false)).reason()).isEqualTo("no_consent");
		assertThat(policy.check(ContactStanding.DEFAULT).allowed()).isTrue();
	}

	@Test
	void whiteListedCustomersAreNeverHeldOut() {
		ControlGroupEligibility eligibility = new ControlGroupEligibility();
		assertThat(eligibility.check(new ContactStanding(false, true, false, true)).allowed()).isFalse();
		assertThat(eligibility.check(ContactStanding.DEFAULT).allowed()).isTrue();
	}

	@Test
	void onlyARetentionHeadApprovesAndNotTheirOwnCampaignWhileAnotherHeadExists() {
		CampaignApproval approval = new CampaignApproval();
		assertThat(approval.check("manager", Role.SALES_MANAGER, CampaignStatus.SUBMITTED, "someone", true).reason())
			.isEqualTo("not_retention_head");
		assertThat(approval.check("head", Role.RETENTION_HEAD, CampaignStatus.DRAFT, "manager", true).reason())
			.isEqualTo("not_submitted");
		assertThat(approval.check("head", Role.RETENTION_HEAD, CampaignStatus.SUBMITTED, "head", true).reason())
			.isEqualTo("own_campaign");
		assertThat(approval.check("head", Role.RETENTION_HEAD, CampaignStatus.SUBMITTED, "head", false).allowed())
			.as("the only head may approve their own campaign, and it is marked as self-approval")
			.isTrue();
		assertThat(approval.check("head", Role.RETENTION_HEAD, CampaignStatus.SUBMITTED, "manager", true).allowed())
			.isTrue();
	}

	@Test
	void nothingRunsWithoutApproval() {
		assertThat(CampaignStatus.DRAFT.canMoveTo(CampaignStatus.RUNNING)).isFalse();
		assertThat(CampaignStatus.SUBMITTED.canMoveTo(CampaignStatus.RUNNING)).isFalse();
		assertThat(CampaignStatus.REJECTED.canMoveTo(CampaignStatus.RUNNING)).isFalse();
		assertThat(CampaignStatus.SCHEDULED.canMoveTo(CampaignStatus.RUNNING)).isTrue();
	}

	@Test
	void theMostSpecificPlaybookWins() {
		Playbook generic = playbook(1, "*", "*", "*");
		Playbook complaints = playbook(2, "complaints_30d", "*", "*");
		Playbook complaintsInGuangdongGradeA = playbook(3, "complaints_30d", "广东", "A");
		List<Playbook> library = List.of(generic, complaints, complaintsInGuangdongGradeA);
		assertThat(Playbook.best(library, "complaints_30d", List.of("广东"), "A")).contains(complaintsInGuangdongGradeA);
		assertThat(Playbook.best(library, "complaints_30d", List.of("北京"), "A")).contains(complaints);
		assertThat(Playbook.best(library, "contract_days_left", List.of("北京"), "C")).contains(generic);
	}

	@Test
	void aTriggeredEnrolmentLandsInTheSameGroupEveryTimeAndHoldsOutAboutTheShare() {
		assertThat(ExperimentDesign.heldOut(42, "C1", 0.1)).isEqualTo(ExperimentDesign.heldOut(42, "C1", 0.1));
		long held = java.util.stream.IntStream.range(0, 20000)
			.filter(i -> ExperimentDesign.heldOut(7, "C" + i, 0.1))
			.count();
		assertThat(held / 20000.0).isBetween(0.09, 0.11);
	}

	@Test
	void tasksGoToTheCustomersOwnAgentElseUpTheLine() {
		List<io.churnguard.app.security.Actor> users = List.of(
				new io.churnguard.app.security.Actor("agent1", Role.AGENT, "广东", "T1"),
				new io.churnguard.app.security.Actor("mgr", Role.SALES_MANAGER, "广东", "T1"),
				new io.churnguard.app.security.Actor("head", Role.RETENTION_HEAD, null, null));
		TaskRouting routing = new TaskRouting(users, java.util.Map.of());
		assertThat(routing.route("AGENT", customer("agent1", "广东"))).contains("agent1");
		assertThat(routing.route("SALES_MANAGER", customer("agent1", "广东"))).contains("mgr");
		assertThat(routing.route("SALES_MANAGER", customer("x", "北京"))).contains("head");
	}

	private static Candidate customer(String owner, String province) {
		return new Candidate("C1", "B", province, "T1", "plan", owner, BigDecimal.TEN, "high", null);
	}

	private static Playbook playbook(long id, String reason, String segment, String grade) {
		return new Playbook(id, "p" + id, reason, segment, grade, "a", "phone", BigDecimal.ONE, "zh", "en", "AGENT",
				true, NOW, "test");
	}

}
