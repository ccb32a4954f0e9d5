package io.churnguard.app.warning.internal;

import io.churnguard.app.security.Actor;
import io.churnguard.app.security.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WarningScopeTest {

	@Test
	void anAgentSeesTheirOwnWarningsAndTheirTeamsQueueButNotTheirColleaguesWarnings() {
		WarningScope scope = WarningScope.of(new Actor("agent_gd_01", Role.AGENT, "广东", "华南一组"), "w");
		assertThat(scope.condition()).isEqualTo("(w.owner = ? or (w.owner is null and w.team = ?))");
		assertThat(scope.parameters()).containsExactly("agent_gd_01", "华南一组");
	}

	@Test
	void anAgentWithoutATeamHasNoQueueAndSeesOnlyTheirOwn() {
		WarningScope scope = WarningScope.of(new Actor("agent_x", Role.AGENT, "广东", null), "");
		assertThat(scope.condition()).isEqualTo("owner = ?");
		assertThat(scope.parameters()).containsExactly("agent_x");
	}

	@Test
	void aManagerSeesTheirOwnAndTheirRegionAndTeam() {
		WarningScope scope = WarningScope.of(new Actor("manager_gd", Role.SALES_MANAGER, "广东", "华南一组"), "w");
		assertThat(scope.condition()).isEqualTo("(w.owner = ? or (w.province = ? and w.team = ?))");
		assertThat(scope.parameters()).containsExactly("manager_gd", "广东", "华南一组");
	}

	@Test
	void aServiceManagerWithATeamSeesTheTeamWhateverTheProvinceAsTheirCustomerScopeDoes() {
		WarningScope scope = WarningScope.of(new Actor("service_gd", Role.SERVICE_MANAGER, "广东", "华南一组"), "w");
		assertThat(scope.condition()).isEqualTo("(w.owner = ? or (w.team = ?))");
		assertThat(scope.parameters()).containsExactly("service_gd", "华南一组");
	}

	@Test
	void aManagerWithNeitherRegionNorTeamSeesOnlyTheirOwn() {
		WarningScope scope = WarningScope.of(new Actor("manager_x", Role.SALES_MANAGER, null, null), "w");
		assertThat(scope.condition()).isEqualTo("(w.owner = ? or (false))");
	}

	@Test
	void anAgentMayBeGivenTheirTeamsWarningsAndThoseOfTheirOwnCustomers() {
		WarningScope scope = WarningScope.assignable(new Actor("agent_gd_01", Role.AGENT, "广东", "华南一组"), "w");
		assertThat(scope.condition()).isEqualTo(
				"(w.team = ? or exists (select 1 from customer c where c.customer_id = w.customer_id and c.owner = ?))");
		assertThat(scope.parameters()).containsExactly("华南一组", "agent_gd_01");
	}

	@Test
	void aManagerMayBeGivenTheWarningsOfTheirRegionAndTeamOnlyAndAnAnalystNone() {
		WarningScope scope = WarningScope.assignable(new Actor("manager_gd", Role.SALES_MANAGER, "广东", "华南一组"), "w");
		assertThat(scope.condition()).isEqualTo("w.province = ? and w.team = ?");
		assertThat(scope.parameters()).containsExactly("广东", "华南一组");
		assertThat(WarningScope.assignable(new Actor("analyst", Role.ANALYST, null, null), "w").condition())
			.isEqualTo("false");
	}

	@Test
	void theRetentionHeadSeesAllAndAnAuditorNone() {
		assertThat(WarningScope.of(new Actor("head", Role.RETENTION_HEAD, null, null), "w").condition())
			.isEqualTo("true");
		assertThat(WarningScope.of(new Actor("audit", Role.AUDITOR, null, null), "w").condition()).isEqualTo("false");
	}

}
