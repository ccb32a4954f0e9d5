package io.churnguard.app.warning.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.churnguard.app.security.Actor;
import io.churnguard.app.security.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Escalation goes one step up the line: agent → their manager → retention head. */
class WarningEscalationPolicyTest {

	static final Actor HEAD = new Actor("head", Role.RETENTION_HEAD, null, null);

	static final Actor GD_MANAGER = new Actor("manager_gd", Role.SALES_MANAGER, "广东", "华南一组");

	static final Actor GX_MANAGER = new Actor("manager_gx", Role.SALES_MANAGER, "广西", "华南二组");

	static final Actor ZJ_MANAGER = new Actor("manager_zj", Role.SALES_MANAGER, "浙江", null);

	static final Actor GD_AGENT = new Actor("agent_gd_01", Role.AGENT, "广东", "华南一组");

	static final Actor ZJ_AGENT = new Actor("agent_zj_01", Role.AGENT, "浙江", "华东一组");

	static final Actor LONE_AGENT = new Actor("agent_xj_01", Role.AGENT, "新疆", "西北一组");

	final Map<String, Integer> load = new HashMap<>();

	final EscalationPolicy policy = new EscalationPolicy(
			List.of(HEAD, GD_MANAGER, GX_MANAGER, ZJ_MANAGER, GD_AGENT, ZJ_AGENT, LONE_AGENT), this.load);

	@Test
	void anAgentsOverdueWarningGoesToTheManagerOfTheAgentsTeamNotOfTheCustomersRegion() {
		// The customer lives in 广西, but the agent works in 华南一组 under manager_gd.
		assertThat(this.policy.escalate("agent_gd_01", "广西", "华南二组")).contains("manager_gd");
	}

	@Test
	void anAgentWithoutATeamManagerGoesToTheManagerOfTheirWholeRegion() {
		assertThat(this.policy.escalate("agent_zj_01", "浙江", "华东一组")).contains("manager_zj");
	}

	@Test
	void anAgentWithoutAnyManagerSkipsToTheRetentionHead() {
		assertThat(this.policy.escalate("agent_xj_01", "新疆", "西北一组")).contains("head");
	}

	@Test
	void aManagersOverdueWarningGoesUpToTheRetentionHeadNeverToAnotherManager() {
		// manager_gx covers neither the agent nor the customer, and is less loaded: still
		// not a candidate.
		this.load.put("head", 50);
		assertThat(this.policy.escalate("manager_gd", "广东", "华南一组")).contains("head");
		assertThat(this.policy.escalate("manager_gx", "广东", "华南一组")).contains("head");
	}

	@Test
	void theRetentionHeadIsTheTopTheirOverdueWarningStaysWithThem() {
		assertThat(this.policy.escalate("head", "广东", "华南一组")).isEmpty();
	}

	@Test
	void aTeamQueueWarningGoesToTheTeamsManager() {
		assertThat(this.policy.escalate(null, "广东", "华南一组")).contains("manager_gd");
		assertThat(this.policy.escalate(null, "浙江", "华东九组")).contains("manager_zj");
		assertThat(this.policy.escalate(null, "新疆", "西北一组")).contains("head");
	}

	@Test
	void aWarningOfSomeoneWhoNoLongerWorksWarningsIsTreatedAsTheTeamsQueue() {
		assertThat(this.policy.escalate("former_agent", "广东", "华南一组")).contains("manager_gd");
	}

	@Test
	void withoutARetentionHeadAManagersWarningStaysWhereItIs() {
		EscalationPolicy noHead = new EscalationPolicy(List.of(GD_MANAGER, GD_AGENT), new HashMap<>());
		assertThat(noHead.escalate("manager_gd", "广东", "华南一组")).isEmpty();
		assertThat(noHead.escalate("agent_gd_01", "广东", "华南一组")).contains("manager_gd");
	}

	@Test
	void amongSeveralManagersOfTheTeamTheLeastLoadedTakesItAndEachEscalationCounts() {
		Actor second = new Actor("manager_gd_b", Role.SERVICE_MANAGER, "广东", "华南一组");
		Map<String, Integer> load = new HashMap<>(Map.of("manager_gd", 3, "manager_gd_b", 2));
		EscalationPolicy policy = new EscalationPolicy(List.of(HEAD, GD_MANAGER, second, GD_AGENT), load);
		assertThat(policy.escalate("agent_gd_01", "广东", "华南一组")).contains("manager_gd_b");
		assertThat(policy.escalate("agent_gd_01", "广东", "华南一组")).contains("manager_gd");
		assertThat(load).containsEntry("manager_gd_b", 3).containsEntry("manager_gd", 4);
	}

}
