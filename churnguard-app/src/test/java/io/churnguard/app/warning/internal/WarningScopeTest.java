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
	void theRetentionHeadSeesAllAndAnAuditorNone() {
		assertThat(WarningScope.of(new Actor("head", Role.RETENTION_HEAD, null, null), "w").condition())
			.isEqualTo("true");
		assertThat(WarningScope.of(new Actor("audit", Role.AUDITOR, null, null), "w").condition()).isEqualTo("false");
	}

}
