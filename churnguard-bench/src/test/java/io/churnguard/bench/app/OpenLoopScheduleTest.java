package io.churnguard.bench.app;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OpenLoopScheduleTest {

	@Test
	void requestsAreDueAtAFixedRateFromTheStart() {
		OpenLoopSchedule schedule = new OpenLoopSchedule(1_000, 100, 3);
		assertThat(schedule.count()).isEqualTo(300);
		assertThat(schedule.dueNanos(0)).isEqualTo(1_000);
		assertThat(schedule.dueNanos(1)).isEqualTo(1_000 + 10_000_000);
		assertThat(schedule.dueNanos(299)).isEqualTo(1_000 + 2_990_000_000L);
	}

	@Test
	void aFractionalIntervalDoesNotDrift() {
		OpenLoopSchedule schedule = new OpenLoopSchedule(0, 3, 10);
		assertThat(schedule.count()).isEqualTo(30);
		assertThat(schedule.dueNanos(3)).isEqualTo(1_000_000_000L);
		assertThat(schedule.dueNanos(29)).isEqualTo(9_666_666_667L);
	}

	@Test
	void aLateSenderIsToldHowLateInsteadOfSkipping() {
		long start = System.nanoTime() - 1_000_000_000L;
		OpenLoopSchedule schedule = new OpenLoopSchedule(start, 1000, 5);
		long lateness = schedule.awaitDue(10);
		assertThat(lateness).isGreaterThanOrEqualTo(1_000_000_000L - 10_000_000L);
	}

	@Test
	void anEarlySenderWaitsUntilTheRequestIsDue() {
		long start = System.nanoTime() + 30_000_000L;
		OpenLoopSchedule schedule = new OpenLoopSchedule(start, 100, 1);
		long lateness = schedule.awaitDue(1);
		assertThat(System.nanoTime()).isGreaterThanOrEqualTo(start + 10_000_000L);
		assertThat(lateness).isGreaterThanOrEqualTo(0);
	}

	@Test
	void aRateOrDurationOfZeroIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new OpenLoopSchedule(0, 0, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new OpenLoopSchedule(0, 1, 0));
	}

}
