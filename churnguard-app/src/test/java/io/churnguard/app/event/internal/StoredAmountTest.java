package io.churnguard.app.event.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The amounts an announcement carries must be those the log's numeric(14,2) column keeps,
 * or real-time features held in memory would drift from the daily job's by the rounding.
 */
class StoredAmountTest {

	@Test
	void amountsAreRoundedToCentsHalfAwayFromZeroAsPostgresqlRoundsNumeric() {
		assertThat(AppendingEvents.storedAmount(12.345)).isEqualTo(12.35);
		assertThat(AppendingEvents.storedAmount(-12.345)).isEqualTo(-12.35);
		assertThat(AppendingEvents.storedAmount(0.125)).isEqualTo(0.13);
		assertThat(AppendingEvents.storedAmount(99.994)).isEqualTo(99.99);
		assertThat(AppendingEvents.storedAmount(58)).isEqualTo(58.0);
		// The decimal text the load writes, not the binary value (1.005 is 1.00499… in
		// binary; PostgreSQL reads the text "1.005").
		assertThat(AppendingEvents.storedAmount(1.005)).isEqualTo(1.01);
		assertThat(AppendingEvents.storedAmount(12_345_678.9)).isEqualTo(12_345_678.9);
	}

}
