package io.churnguard.app.retention.internal;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A playbook (挽留策略): for customers leaving for a reason, in a segment, of a grade, do
 * this action on this channel, at this cost, with this script, carried out by this role.
 * {@code *} matches anything.
 *
 * @param id the id
 * @param name its name
 * @param churnReason a score reason's feature (e.g. {@code complaints_30d}), a rule name,
 * or {@code *}
 * @param segment a plan, province or team the customer belongs to, or {@code *}
 * @param grade a value grade A–E, or {@code *}
 * @param action the action code, e.g. {@code renewal_offer}
 * @param channel phone, sms, email, visit, app or wechat
 * @param cost cost per contact, CNY
 * @param scriptZh the script or template in Chinese
 * @param scriptEn in English
 * @param ownerRole the role that carries it out
 * @param enabled whether it is used
 * @param updatedAt when it last changed
 * @param updatedBy who changed it
 */
record Playbook(long id, String name, String churnReason, String segment, String grade, String action, String channel,
		BigDecimal cost, String scriptZh, String scriptEn, String ownerRole, boolean enabled, Instant updatedAt,
		String updatedBy) {

	/**
	 * How specifically the playbook matches a customer: -1 when it does not, else the
	 * number of non-wildcard conditions that hold.
	 */
	int match(String reason, java.util.Collection<String> segments, String customerGrade) {
		int score = 0;
		if (!"*".equals(this.churnReason)) {
			if (!this.churnReason.equals(reason)) {
				return -1;
			}
			score++;
		}
		if (!"*".equals(this.segment)) {
			if (!segments.contains(this.segment)) {
				return -1;
			}
			score++;
		}
		if (!"*".equals(this.grade)) {
			if (!this.grade.equals(customerGrade)) {
				return -1;
			}
			score++;
		}
		return score;
	}

	/** The best-matching enabled playbook: the most specific, then the lowest id. */
	static java.util.Optional<Playbook> best(java.util.List<Playbook> playbooks, String reason,
			java.util.Collection<String> segments, String grade) {
		Playbook best = null;
		int bestScore = -1;
		for (Playbook playbook : playbooks) {
			int score = playbook.enabled() ? playbook.match(reason, segments, grade) : -1;
			if (score > bestScore || (score == bestScore && score >= 0 && playbook.id() < best.id())) {
				best = playbook;
				bestScore = score;
			}
		}
		return java.util.Optional.ofNullable(best);
	}

	/**
	 * What a user submits.
	 */
	record Input(String name, String churnReason, String segment, String grade, String action, String channel,
			BigDecimal cost, String scriptZh, String scriptEn, String ownerRole, Boolean enabled) {

		Input normalized() {
			require(this.name, "name");
			require(this.action, "action");
			require(this.scriptZh, "scriptZh");
			require(this.scriptEn, "scriptEn");
			String g = blankToStar(this.grade).toUpperCase(java.util.Locale.ROOT);
			if (!g.matches("[A-E*]")) {
				throw new IllegalArgumentException("grade must be A–E or *");
			}
			String ch = (this.channel != null) ? this.channel.strip().toLowerCase(java.util.Locale.ROOT) : "";
			if (!Channels.ALL.contains(ch)) {
				throw new IllegalArgumentException("channel must be one of " + Channels.ALL);
			}
			String role = (this.ownerRole != null) ? this.ownerRole.strip().toUpperCase(java.util.Locale.ROOT)
					: "AGENT";
			if (!java.util.Set.of("RETENTION_HEAD", "SALES_MANAGER", "SERVICE_MANAGER", "AGENT").contains(role)) {
				throw new IllegalArgumentException(
						"ownerRole must be RETENTION_HEAD, SALES_MANAGER, SERVICE_MANAGER or AGENT");
			}
			BigDecimal c = (this.cost != null) ? this.cost : BigDecimal.ZERO;
			if (c.signum() < 0) {
				throw new IllegalArgumentException("cost must not be negative");
			}
			return new Input(this.name.strip(), blankToStar(this.churnReason), blankToStar(this.segment), g,
					this.action.strip(), ch, c, this.scriptZh.strip(), this.scriptEn.strip(), role,
					(this.enabled == null) || this.enabled);
		}

		private static String blankToStar(String value) {
			return (value == null || value.isBlank()) ? "*" : value.strip();
		}

		private static void require(String value, String field) {
			if (value == null || value.isBlank()) {
				throw new IllegalArgumentException(field + " is required");
			}
		}

	}

}
