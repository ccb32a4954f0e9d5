package io.churnguard.ml.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RandomizedAssignmentTest {

	@Test
	void eachStratumHoldsOutItsShareAndTheTotalIsExact() {
		// 600 high-risk A, 300 high-risk B, 100 low-risk A: a 10 % hold-out is 60, 30,
		// 10.
		List<Unit> units = new ArrayList<>();
		units.addAll(stratum("high|A", 600));
		units.addAll(stratum("high|B", 300));
		units.addAll(stratum("low|A", 100));

		Map<String, Boolean> control = RandomizedAssignment.assign(units, 100, 42);

		assertThat(heldOut(control, units, "high|A")).isEqualTo(60);
		assertThat(heldOut(control, units, "high|B")).isEqualTo(30);
		assertThat(heldOut(control, units, "low|A")).isEqualTo(10);
		assertThat(control).hasSize(1000);
	}

	@Test
	void roundingGoesToTheLargestRemaindersAndAddsUpToTheControlSize() {
		// 7 control of 3 + 3 + 4: exact shares 2.1, 2.1, 2.8 → 2, 2, 3.
		List<Unit> units = new ArrayList<>();
		units.addAll(stratum("a", 3));
		units.addAll(stratum("b", 3));
		units.addAll(stratum("c", 4));

		Map<String, Boolean> control = RandomizedAssignment.assign(units, 7, 1);

		assertThat(heldOut(control, units, "a")).isEqualTo(2);
		assertThat(heldOut(control, units, "b")).isEqualTo(2);
		assertThat(heldOut(control, units, "c")).isEqualTo(3);
	}

	@Test
	void theSameSeedDrawsTheSameGroupWhateverTheInputOrder() {
		List<Unit> units = new ArrayList<>();
		units.addAll(stratum("x", 500));
		units.addAll(stratum("y", 250));
		List<Unit> shuffled = new ArrayList<>(units);
		Collections.shuffle(shuffled, new Random(5));

		Map<String, Boolean> first = RandomizedAssignment.assign(units, 75, 9);
		Map<String, Boolean> again = RandomizedAssignment.assign(shuffled, 75, 9);
		Map<String, Boolean> otherSeed = RandomizedAssignment.assign(units, 75, 10);

		assertThat(again).isEqualTo(first);
		assertThat(otherSeed).isNotEqualTo(first);
		assertThat(otherSeed.values().stream().filter(Boolean::booleanValue).count()).isEqualTo(75);
	}

	@Test
	void everyUnitIsEquallyLikelyToBeHeldOut() {
		List<Unit> units = stratum("s", 20);
		int[] times = new int[20];
		for (long seed = 0; seed < 2000; seed++) {
			Map<String, Boolean> control = RandomizedAssignment.assign(units, 5, seed);
			for (int i = 0; i < 20; i++) {
				times[i] += control.get(units.get(i).id()) ? 1 : 0;
			}
		}
		// Expected 500 each (a quarter of 2000 draws); sd about 19.
		for (int count : times) {
			assertThat(count).isBetween(420, 580);
		}
	}

	@Test
	void duplicateIdsAndImpossibleSizesAreRejected() {
		List<Unit> twice = List.of(new Unit("c1", "a"), new Unit("c1", "b"));
		assertThatIllegalArgumentException().isThrownBy(() -> RandomizedAssignment.assign(twice, 1, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> RandomizedAssignment.assign(stratum("a", 3), 4, 1));
	}

	private static List<Unit> stratum(String key, int size) {
		List<Unit> units = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			units.add(new Unit(key + "-" + i, key));
		}
		return units;
	}

	private static long heldOut(Map<String, Boolean> control, List<Unit> units, String stratum) {
		return units.stream().filter((u) -> u.stratum().equals(stratum)).filter((u) -> control.get(u.id())).count();
	}

}
