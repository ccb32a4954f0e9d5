package io.churnguard.bench.app;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PercentilesTest {

	@Test
	void nearestRankReportsLatenciesThatWereObserved() {
		double[] samples = IntStream.rangeClosed(1, 100).mapToDouble(i -> 101 - i).toArray();
		Percentiles p = Percentiles.of(samples);
		assertThat(p.percentile(50)).isEqualTo(50);
		assertThat(p.percentile(95)).isEqualTo(95);
		assertThat(p.percentile(99)).isEqualTo(99);
		assertThat(p.percentile(100)).isEqualTo(100);
		assertThat(p.max()).isEqualTo(100);
		assertThat(p.mean()).isEqualTo(50.5);
	}

	@Test
	void aSmallSampleRoundsTheRankUp() {
		Percentiles p = Percentiles.of(new double[] { 30, 10, 20 });
		assertThat(p.percentile(50)).isEqualTo(20);
		assertThat(p.percentile(99)).isEqualTo(30);
		assertThat(p.percentile(0.1)).isEqualTo(10);
	}

	@Test
	void oneSlowRequestInAHundredIsTheP99ButNotTheP98() {
		double[] samples = new double[100];
		java.util.Arrays.fill(samples, 5);
		samples[42] = 900;
		Percentiles p = Percentiles.of(samples);
		assertThat(p.percentile(99)).isEqualTo(5);
		assertThat(p.percentile(100)).isEqualTo(900);
		samples[43] = 800;
		assertThat(Percentiles.of(samples).percentile(99)).isEqualTo(800);
	}

	@Test
	void noSamplesGiveNoFigures() {
		Percentiles p = Percentiles.of(new double[0]);
		assertThat(p.percentile(99)).isNaN();
		assertThat(p.summaryMs()).containsEntry("count", 0).containsEntry("p99", null);
	}

	@Test
	void theSamplesAreNotReordered() {
		double[] samples = { 3, 1, 2 };
		Percentiles.of(samples);
		assertThat(samples).containsExactly(3, 1, 2);
	}

	@Test
	void percentOutsideTheRangeIsRefused() {
		Percentiles p = Percentiles.of(new double[] { 1 });
		assertThatIllegalArgumentException().isThrownBy(() -> p.percentile(0));
		assertThatIllegalArgumentException().isThrownBy(() -> p.percentile(101));
	}

}
