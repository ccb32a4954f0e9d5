package io.churnguard.app.security;

/**
 * The roles of ChurnGuard's users. What each may see is decided per module; the comments
 * say the intent.
 */
public enum Role {

	/** 系统管理员: users, roles and settings; no customer personal data by default. */
	ADMIN,
	/**
	 * 营销部长: every customer and warning; approves campaigns, exports and cross-scope
	 * access.
	 */
	RETENTION_HEAD,
	/** 销售经理: customers and warnings of their region or team. */
	SALES_MANAGER,
	/** 客服经理: complaints, service warnings and the team's queue. */
	SERVICE_MANAGER,
	/** 客服专员 / 销售人员: the warnings and customers assigned to them. */
	AGENT,
	/** 数据分析师: datasets, models and reports, with personal data masked. */
	ANALYST,
	/** 审计员: the audit log and security alerts, read-only. */
	AUDITOR;

	/** The Spring Security authority, e.g. {@code ROLE_ADMIN}. */
	public String authority() {
		return "ROLE_" + name();
	}

	/** The message key of the role's display name. */
	public String messageKey() {
		return "role." + name();
	}

}
