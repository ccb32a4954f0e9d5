package io.churnguard.app.customer;

import java.util.List;
import java.util.Set;

/**
 * Writes customers into the archive in bulk: new ones are inserted, known ones updated,
 * identical ones left alone — so loading the same file twice changes nothing.
 */
public interface CustomerLoader {

	/**
	 * @param records the customers; a later record with the same id replaces an earlier
	 * one
	 * @param present the fields the source provides; only these are overwritten on known
	 * customers, so a file without an email column keeps the emails on record
	 * @param importId the import that supplies them, or null
	 * @return what happened
	 */
	LoadResult upsert(List<CustomerRecord> records, Set<CustomerField> present, Long importId);

	/**
	 * @param inserted new customers
	 * @param updated known customers whose fields changed
	 * @param unchanged known customers identical to what was on record, plus repeats
	 * within the batch
	 */
	record LoadResult(int inserted, int updated, int unchanged) {
	}

}
