package io.churnguard.app.customer;

/**
 * Customer value grades (客户价值等级), as our users' grading rules name them.
 */
public enum ValueGrade {

	/** 钻石: the most valuable customers. */
	A,
	/** 铂金. */
	B,
	/** 黄金. */
	C,
	/** 普通 / 潜在: ordinary and prospective customers. */
	D,
	/** 咨询: enquiries only, no spend yet. */
	E

}
