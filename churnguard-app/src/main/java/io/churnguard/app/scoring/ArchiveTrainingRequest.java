package io.churnguard.app.scoring;

import java.time.LocalDate;
import java.util.List;

/**
 * How to train from the archive: observation dates every {@code everyDays} from the first
 * day with enough history up to {@code dataEnd}; a customer churning within
 * {@code horizonDays} after a gap of {@code leadDays} is a positive example.
 *
 * @param dataEnd the last day of data to use (default: today)
 * @param horizonDays the label window
 * @param leadDays the gap between the observation date and the label window, so warnings
 * have time to act
 * @param everyDays days between observation dates
 * @param historyDays days of history before the first observation date
 * @param churnDefinition {@code churn-event}, {@code churn-event-or-contract-end} or
 * {@code inactivity:<days>}
 * @param algorithm auto, lr, gbdt or blend
 * @param cvFolds folds of cross-validation for the registry's metrics (0: none)
 * @param seed the seed
 * @param exclude features not to learn from; by default {@code grade}, because the
 * archive only knows today's grade (churned customers keep none), which would leak the
 * label into past rows
 * @param user who trains
 */
public record ArchiveTrainingRequest(LocalDate dataEnd, int horizonDays, int leadDays, int everyDays, int historyDays,
		String churnDefinition, String algorithm, int cvFolds, long seed, List<String> exclude, String user) {

	/** Snapshot attributes that are not point-in-time and would leak the label. */
	public static final List<String> NOT_POINT_IN_TIME = List.of("grade");

	public ArchiveTrainingRequest {
		exclude = (exclude != null) ? List.copyOf(exclude) : NOT_POINT_IN_TIME;
	}

	public static ArchiveTrainingRequest defaults(LocalDate today, String user) {
		return new ArchiveTrainingRequest(today, 90, 14, 30, 90, "churn-event", "auto", 5, 0, NOT_POINT_IN_TIME, user);
	}

}
