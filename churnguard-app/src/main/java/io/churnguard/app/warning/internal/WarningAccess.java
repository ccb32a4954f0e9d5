package io.churnguard.app.warning.internal;

import java.util.List;

import io.churnguard.app.customer.CustomerAccessGrants;
import io.churnguard.app.customer.CustomerAccessGrants.Grant;
import io.churnguard.app.warning.WarningStatus;

import org.springframework.stereotype.Component;

/**
 * Keeps the customer archive's grants in step with who works which warning: whoever owns
 * an open warning may see its customer (an agent given a warning from their team's queue
 * does not own the customer), and nobody keeps that access once the warning is closed or
 * given to someone else. Called wherever a warning's owner or status changes, in the same
 * transaction.
 */
@Component
class WarningAccess {

	private final CustomerAccessGrants grants;

	WarningAccess(CustomerAccessGrants grants) {
		this.grants = grants;
	}

	/**
	 * After raising: the owners routing gave the new warnings. Most go to the customer's
	 * own agent, who needs no grant; leaving those out keeps a first daily run on a large
	 * archive from writing a grant for nearly every warning.
	 */
	void raised(List<WarningChanges.Touched> warnings) {
		this.grants.grant(warnings.stream()
			.filter(w -> w.owner() != null && !w.owner().equals(w.customer().owner()))
			.map(w -> new Grant(work(w.id()), w.first().customerId(), w.owner()))
			.toList());
	}

	/** After a warning changed hands or status. */
	void changed(long warningId, String customerId, WarningStatus status, String owner) {
		if (status == WarningStatus.CLOSED || owner == null) {
			this.grants.revoke(List.of(work(warningId)));
		}
		else {
			this.grants.grant(List.of(new Grant(work(warningId), customerId, owner)));
		}
	}

	private static String work(long warningId) {
		return "warning:" + warningId;
	}

}
