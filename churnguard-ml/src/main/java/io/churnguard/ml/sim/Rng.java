package io.churnguard.ml.sim;

/**
 * A small, reseedable SplitMix64 generator. The simulator reseeds it for every (customer,
 * stream, step), so that each customer's history is a pure function of the seed:
 * chunking, thread count and treatments applied later never disturb it.
 * <p>
 * Only {@link StrictMath} and {@link DeterministicMath} are used for transcendental
 * functions, because {@link Math} may give different last bits in interpreted and
 * compiled code, and one flipped comparison would break byte-identical output.
 */
final class Rng {

	private static final long GOLDEN = 0x9E3779B97F4A7C15L;

	private static final int GAUSSIAN_BITS = 16;

	/** Standard normal quantiles at cell midpoints: a fast, deterministic N(0,1). */
	private static final float[] GAUSSIAN = gaussianTable();

	private long state;

	Rng() {
	}

	Rng(long seed) {
		this.state = seed;
	}

	/** Restarts the stream at the given seed. */
	void reseed(long seed) {
		this.state = seed;
	}

	/** The SplitMix64 finaliser: a bijective, well-mixing hash of a long. */
	static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/**
	 * The seed of one stream: a hash of the simulation seed, the customer, the kind of
	 * stream and the step (a week or a day) within it.
	 */
	static long streamSeed(long seed, long customer, int stream, int step) {
		long h = mix(seed + GOLDEN);
		h = mix(h ^ (customer * GOLDEN + 0x632BE59BD9B4E019L));
		return mix(h ^ ((((long) stream) << 32) | (step & 0xFFFFFFFFL)));
	}

	long nextLong() {
		this.state += GOLDEN;
		return mix(this.state);
	}

	/** Uniform in [0, 1). */
	double nextDouble() {
		return (nextLong() >>> 11) * 0x1.0p-53;
	}

	/** Uniform in [0, bound). */
	int nextInt(int bound) {
		return (int) (((nextLong() >>> 32) * bound) >>> 32);
	}

	/** Uniform in [from, to). */
	double uniform(double from, double to) {
		return from + (to - from) * nextDouble();
	}

	boolean chance(double probability) {
		return nextDouble() < probability;
	}

	/** Standard normal, from a 65,536-cell quantile table (tails cut at about 4.2). */
	double gaussian() {
		return GAUSSIAN[(int) (nextLong() >>> (64 - GAUSSIAN_BITS))];
	}

	/** A multiplicative noise factor with mean 1 and log-standard-deviation sigma. */
	double lognormalFactor(double sigma) {
		return DeterministicMath.exp(sigma * gaussian() - 0.5 * sigma * sigma);
	}

	/** Exponential with mean 1. */
	double exponential() {
		return -StrictMath.log(1.0 - nextDouble());
	}

	/** Poisson with the given mean; a normal approximation above 30. */
	int poisson(double mean) {
		if (mean <= 0) {
			return 0;
		}
		if (mean > 30) {
			long k = Math.round(mean + StrictMath.sqrt(mean) * gaussian());
			return (int) Math.max(0, k);
		}
		double u = nextDouble();
		double p = DeterministicMath.exp(-mean);
		int k = 0;
		while (u > p && k < 200) {
			u -= p;
			k++;
			p *= mean / k;
		}
		return k;
	}

	/** An index drawn with probability proportional to cumulative weights. */
	int pick(double[] cumulativeWeights) {
		double u = nextDouble() * cumulativeWeights[cumulativeWeights.length - 1];
		int lo = 0;
		int hi = cumulativeWeights.length - 1;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (cumulativeWeights[mid] > u) {
				hi = mid;
			}
			else {
				lo = mid + 1;
			}
		}
		return lo;
	}

	static double[] cumulative(double... weights) {
		double[] cumulative = new double[weights.length];
		double sum = 0;
		for (int i = 0; i < weights.length; i++) {
			sum += weights[i];
			cumulative[i] = sum;
		}
		return cumulative;
	}

	private static float[] gaussianTable() {
		int size = 1 << GAUSSIAN_BITS;
		float[] table = new float[size];
		for (int i = 0; i < size; i++) {
			table[i] = (float) inverseNormal((i + 0.5) / size);
		}
		return table;
	}

	/** Acklam's rational approximation of the normal quantile (relative error 1e-9). */
	static double inverseNormal(double p) {
		double[] a = { -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
				-3.066479806614716e+01, 2.506628277459239e+00 };
		double[] b = { -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
				-1.328068155288572e+01 };
		double[] c = { -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
				4.374664141464968e+00, 2.938163982698783e+00 };
		double[] d = { 7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00 };
		double low = 0.02425;
		if (p < low) {
			double q = StrictMath.sqrt(-2 * StrictMath.log(p));
			return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
					/ ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
		}
		if (p > 1 - low) {
			double q = StrictMath.sqrt(-2 * StrictMath.log(1 - p));
			return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
					/ ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
		}
		double q = p - 0.5;
		double r = q * q;
		return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
				/ (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
	}

}
