package io.churnguard.ml.sim;

/**
 * Mobile numbers and resident ID numbers that pass the usual validity checks: numbers
 * start with a prefix the operators really use, and ID numbers carry a region code, the
 * birth date, a gender-coded sequence and the ISO 7064 check character.
 */
final class PersonalNumbers {

	static final int[] MOBILE_PREFIXES = { 134, 135, 136, 137, 138, 139, 147, 150, 151, 152, 157, 158, 159, 172, 178,
			182, 183, 184, 187, 188, 195, 198 };

	static final int[] UNICOM_PREFIXES = { 130, 131, 132, 145, 155, 156, 166, 175, 176, 185, 186, 196 };

	static final int[] TELECOM_PREFIXES = { 133, 149, 153, 173, 177, 180, 181, 189, 190, 191, 193, 199 };

	private static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] ID_CHECK = "10X98765432".toCharArray();

	private static final long SUFFIXES = 100_000_000L;

	private PersonalNumbers() {
	}

	/**
	 * An 11-digit mobile number. The last eight digits are an affine permutation of the
	 * customer index, so numbers never repeat within one simulation.
	 * @param ownOperatorShare the share of numbers from the first operator's prefixes
	 * (China Mobile); the rest spread over all operators by market share
	 */
	static String mobile(Rng rng, long customerIndex, double ownOperatorShare) {
		int prefix;
		if (rng.chance(ownOperatorShare)) {
			prefix = MOBILE_PREFIXES[rng.nextInt(MOBILE_PREFIXES.length)];
		}
		else {
			double u = rng.nextDouble();
			int[] prefixes = (u < 0.55) ? MOBILE_PREFIXES : (u < 0.78) ? UNICOM_PREFIXES : TELECOM_PREFIXES;
			prefix = prefixes[rng.nextInt(prefixes.length)];
		}
		// 73,939,133 is coprime with 10^8, so the map is a bijection on eight digits.
		long suffix = Math.floorMod(customerIndex * 73_939_133L + 20_250_101L, SUFFIXES);
		StringBuilder number = new StringBuilder(11).append(prefix);
		String digits = Long.toString(suffix);
		for (int i = digits.length(); i < 8; i++) {
			number.append('0');
		}
		return number.append(digits).toString();
	}

	/** An 18-character resident ID number with a valid check character. */
	static String residentId(Rng rng, int cityAdminPrefix, int birthYear, boolean male) {
		int month = 1 + rng.nextInt(12);
		int day = 1 + rng.nextInt(28);
		int district = 2 + rng.nextInt(8);
		int sequence = rng.nextInt(500) * 2 + (male ? 1 : 0);
		StringBuilder id = new StringBuilder(18);
		id.append(cityAdminPrefix).append('0').append(district).append(birthYear);
		id.append((month < 10) ? "0" : "").append(month).append((day < 10) ? "0" : "").append(day);
		id.append((sequence < 100) ? ((sequence < 10) ? "00" : "0") : "").append(sequence);
		return id.append(checkCharacter(id)).toString();
	}

	/** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
	static char checkCharacter(CharSequence first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
		}
		return ID_CHECK[sum % 11];
	}

}
