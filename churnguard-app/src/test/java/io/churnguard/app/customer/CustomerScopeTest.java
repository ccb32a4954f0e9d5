package io.churnguard.app.customer;

import java.util.List;

import io.churnguard.app.security.Actor;
import io.churnguard.app.security.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerScopeTest {

	@Test
	void anAgentSeesTheCustomersTheyOwnAndThoseOfTheirWork() {
		CustomerScope scope = CustomerScope.of(new Actor("agent_gd_01", Role.AGENT, "广东", "华南一组"), "c");
		assertThat(scope.condition()).isEqualTo("(c.owner = ? or exists (select 1 from customer_access_grant g"
				+ " where g.username = ? and g.customer_id = c.customer_id))");
		assertThat(scope.parameters()).containsExactly("agent_gd_01", "agent_gd_01");
	}

	@Test
	void aSalesManagerSeesTheirRegionAndTeam() {
		CustomerScope scope = CustomerScope.of(new Actor("mgr", Role.SALES_MANAGER, "广东", "华南一组"));
		assertThat(scope.condition()).isEqualTo("province = ? and team = ?");
		assertThat(scope.parameters()).containsExactly("广东", "华南一组");
		assertThat(CustomerScope.of(new Actor("mgr", Role.SALES_MANAGER, "广东", null)).condition())
			.isEqualTo("province = ?");
	}

	@Test
	void aManagerWithoutRegionOrTeamSeesNobodyRatherThanEverybody() {
		assertThat(CustomerScope.of(new Actor("mgr", Role.SALES_MANAGER, null, null)).condition()).isEqualTo("false");
	}

	@Test
	void aServiceManagerSeesTheirTeam() {
		assertThat(CustomerScope.of(new Actor("svc", Role.SERVICE_MANAGER, "广东", "客服一组")).parameters())
			.isEqualTo(List.of("客服一组"));
	}

	@Test
	void aServiceManagerWithoutATeamSeesTheirRegionAndWithNeitherNobody() {
		CustomerScope scope = CustomerScope.of(new Actor("svc", Role.SERVICE_MANAGER, "广东", null), "c");
		assertThat(scope.condition()).isEqualTo("c.province = ?");
		assertThat(scope.parameters()).containsExactly("广东");
		assertThat(CustomerScope.of(new Actor("svc", Role.SERVICE_MANAGER, null, null)).condition()).isEqualTo("false");
	}

	@Test
	void aSalesManagerWithATeamOnlySeesTheTeamInEveryRegion() {
		CustomerScope scope = CustomerScope.of(new Actor("mgr", Role.SALES_MANAGER, null, "华南一组"));
		assertThat(scope.condition()).isEqualTo("team = ?");
		assertThat(scope.parameters()).containsExactly("华南一组");
	}

	@Test
	void userValuesNeverBecomePartOfTheSql() {
		CustomerScope scope = CustomerScope.of(new Actor("x' or '1'='1", Role.AGENT, "r' or true --", null));
		assertThat(scope.condition()).doesNotContain("x'").doesNotContain("r'");
		assertThat(scope.parameters()).containsExactly("x' or '1'='1", "x' or '1'='1");
	}

	@Test
	void theRetentionHeadAndAnalystsSeeEveryoneAuditorsNoOne() {
		assertThat(CustomerScope.of(new Actor("head", Role.RETENTION_HEAD, null, null)).condition()).isEqualTo("true");
		assertThat(CustomerScope.of(new Actor("ana", Role.ANALYST, null, null)).condition()).isEqualTo("true");
		assertThat(CustomerScope.of(new Actor("aud", Role.AUDITOR, null, null)).condition()).isEqualTo("false");
	}

	@Test
	void onlyRolesThatWorkWithCustomersMayUnmask() {
		assertThat(CustomerScope.mayUnmask(new Actor("a", Role.AGENT, null, null))).isTrue();
		assertThat(CustomerScope.mayUnmask(new Actor("a", Role.ANALYST, null, null))).isFalse();
		assertThat(CustomerScope.mayUnmask(new Actor("a", Role.ADMIN, null, null))).isFalse();
		assertThat(CustomerScope.mayUnmask(new Actor("a", Role.AUDITOR, null, null))).isFalse();
		assertThat(CustomerScope.maySee(new Actor("a", Role.AUDITOR, null, null))).isFalse();
		assertThat(CustomerScope.maySee(new Actor("a", Role.ADMIN, null, null))).isTrue();
	}

}
