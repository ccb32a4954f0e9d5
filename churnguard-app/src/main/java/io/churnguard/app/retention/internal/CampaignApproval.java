package io.churnguard.app.retention.internal;

import io.churnguard.app.security.Role;

/**
 * Who may approve or reject a submitted campaign: only a retention head (营销部长), and never
 * the campaign's own author — four eyes — unless no other retention head exists to ask,
 * in which case the head's self-approval is allowed and marked in the audit log.
 */
final class CampaignApproval {

	/**
	 * @param approver the user deciding
	 * @param role their role
	 * @param status the campaign's status
	 * @param author who created the campaign
	 * @param anotherHeadExists whether an enabled retention head other than the approver
	 * exists
	 */
	Decision check(String approver, Role role, CampaignStatus status, String author, boolean anotherHeadExists) {
		if (role != Role.RETENTION_HEAD) {
			return Decision.refuse("not_retention_head");
		}
		if (status != CampaignStatus.SUBMITTED) {
			return Decision.refuse("not_submitted");
		}
		if (approver.equals(author) && anotherHeadExists) {
			return Decision.refuse("own_campaign");
		}
		return Decision.allow();
	}

	/** Whether an allowed decision is a head approving their own campaign. */
	boolean selfApproval(String approver, String author) {
		return approver.equals(author);
	}

}
