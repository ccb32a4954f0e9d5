package io.churnguard.ml.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Draws a campaign's control group: stratified, exact in size and reproducible.
 *
 * <p>
 * Every stratum holds out its share of the control group, {@code controlSize · n_s / n},
 * rounded by largest remainder so that the strata add up to exactly {@code controlSize}
 * (ties go to the stratum whose key sorts first). Inside a stratum the control units are
 * a uniformly random subset. The draw depends only on the units' ids and strata and the
 * seed: units are sorted by id first, and each stratum draws from a random stream of its
 * own, seeded by the seed and the stratum key, so the order of the input never matters.
 */
public final class RandomizedAssignment {

	private RandomizedAssignment() {
	}

	/**
	 * Assigns each unit to control or treatment.
	 * @param units the units, ids unique
	 * @param controlSize how many units to hold out, in [0, units.size()]
	 * @param seed the seed of the draw; record it with the campaign to reproduce it
	 * @return id → {@code true} when the unit is in the control group, in id order
	 */
	public static Map<String, Boolean> assign(List<Unit> units, int controlSize, long seed) {
		if (controlSize < 0 || controlSize > units.size()) {
			throw new IllegalArgumentException("controlSize must be in [0, " + units.size() + "]: " + controlSize);
		}
		Map<String, List<Unit>> strata = byStratum(units);
		Map<String, Integer> quotas = quotas(strata, units.size(), controlSize);
		Set<String> control = new HashSet<>();
		for (Map.Entry<String, List<Unit>> stratum : strata.entrySet()) {
			control.addAll(draw(stratum.getValue(), quotas.get(stratum.getKey()), streamSeed(seed, stratum.getKey())));
		}
		Map<String, Boolean> assignment = new LinkedHashMap<>();
		units.stream().map(Unit::id).sorted().forEach((id) -> assignment.put(id, control.contains(id)));
		return assignment;
	}

	private static Map<String, List<Unit>> byStratum(List<Unit> units) {
		List<Unit> sorted = new ArrayList<>(units);
		sorted.sort(Comparator.comparing(Unit::id));
		Map<String, List<Unit>> strata = new TreeMap<>();
		String previous = null;
		for (Unit unit : sorted) {
			if (unit.id().equals(previous)) {
				throw new IllegalArgumentException("duplicate unit id: " + unit.id());
			}
			previous = unit.id();
			strata.computeIfAbsent(unit.stratum(), (key) -> new ArrayList<>()).add(unit);
		}
		return strata;
	}

	/**
	 * Largest-remainder (Hamilton) apportionment of the control group over the strata.
	 */
	private static Map<String, Integer> quotas(Map<String, List<Unit>> strata, int total, int controlSize) {
		Map<String, Integer> quotas = new LinkedHashMap<>();
		List<Map.Entry<String, Long>> remainders = new ArrayList<>();
		int given = 0;
		for (Map.Entry<String, List<Unit>> stratum : strata.entrySet()) {
			// Exact integer arithmetic: the remainders of equal shares must compare
			// equal.
			long numerator = (long) controlSize * stratum.getValue().size();
			int floor = (int) (numerator / total);
			quotas.put(stratum.getKey(), floor);
			remainders.add(Map.entry(stratum.getKey(), numerator % total));
			given += floor;
		}
		remainders
			.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
		for (int i = 0; i < controlSize - given; i++) {
			quotas.merge(remainders.get(i).getKey(), 1, Integer::sum);
		}
		return quotas;
	}

	/**
	 * A partial Fisher–Yates shuffle: the first {@code quota} places are a uniform
	 * subset.
	 */
	private static List<String> draw(List<Unit> stratum, int quota, long seed) {
		String[] ids = stratum.stream().map(Unit::id).toArray(String[]::new);
		SplittableRandom random = new SplittableRandom(seed);
		for (int i = 0; i < quota; i++) {
			int j = i + random.nextInt(ids.length - i);
			String swap = ids[i];
			ids[i] = ids[j];
			ids[j] = swap;
		}
		return List.of(ids).subList(0, quota);
	}

	private static long streamSeed(long seed, String stratum) {
		long h = 1125899906842597L;
		for (int i = 0; i < stratum.length(); i++) {
			h = 31 * h + stratum.charAt(i);
		}
		return new SplittableRandom(seed ^ h).nextLong();
	}

}
