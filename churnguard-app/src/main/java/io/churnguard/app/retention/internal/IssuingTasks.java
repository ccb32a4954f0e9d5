package io.churnguard.app.retention.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Issues the contact tasks of treated members. The black list, do-not-contact, consent
 * and the frequency policy are checked again here, at the moment of issue — another
 * campaign may have contacted the customer since the list was drawn. A member refused now
 * gets a cancelled task naming the reason, which does not count as a contact; the member
 * stays in the treatment group (the evaluation is by intention to treat). The caller
 * holds {@link ContactGuard#lock()}.
 */
@Component
class IssuingTasks {

	private final ContactGuard guard;

	private final JdbcTemplate jdbc;

	IssuingTasks(ContactGuard guard, JdbcTemplate jdbc) {
		this.guard = guard;
		this.jdbc = jdbc;
	}

	/**
	 * @return how many tasks were issued (not counting cancelled ones)
	 */
	int issue(long campaignId, List<Members.Member> members, Instant now) {
		List<Members.Member> treated = members.stream().filter(Members.Member::treated).toList();
		List<String> ids = treated.stream().map(m -> m.customer().customerId()).toList();
		Map<String, ContactStanding> standings = this.guard.standings(ids);
		Map<String, List<Instant>> contacts = this.guard.recentContacts(ids, now);
		int issued = 0;
		for (Members.Member member : treated) {
			String id = member.customer().customerId();
			Decision decision = this.guard.check(this.guard.standing(standings, id),
					contacts.getOrDefault(id, List.of()), now);
			TreatmentPlanner.Plan plan = member.plan();
			this.jdbc.update("""
					insert into contact_task (campaign_id, customer_id, owner, channel, action, playbook_id, cost,
					  status, issued_at, notes)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", campaignId, id, plan.owner(),
					plan.channel(), plan.action(), plan.playbookId(), plan.cost(),
					decision.allowed() ? "open" : "cancelled", Timestamp.from(now),
					decision.allowed() ? null : "not issued: " + decision.reason());
			if (decision.allowed()) {
				issued++;
			}
		}
		return issued;
	}

}
