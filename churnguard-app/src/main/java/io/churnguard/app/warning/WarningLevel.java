package io.churnguard.app.warning;

/**
 * Warning levels, as national early-warning schemes grade them: I is the most severe.
 */
public enum WarningLevel {

	/** 特别严重, red. */
	I(1, "red"),
	/** 严重, orange. */
	II(2, "orange"),
	/** 较重, yellow. */
	III(3, "yellow"),
	/** 一般, blue. */
	IV(4, "blue");

	private final int rank;

	private final String colour;

	WarningLevel(int rank, String colour) {
		this.rank = rank;
		this.colour = colour;
	}

	/** 1 for I … 4 for IV: a smaller rank is more severe. */
	public int rank() {
		return this.rank;
	}

	public String colour() {
		return this.colour;
	}

	public boolean isMoreSevereThan(WarningLevel other) {
		return this.rank < other.rank;
	}

	public static WarningLevel ofRank(int rank) {
		for (WarningLevel level : values()) {
			if (level.rank == rank) {
				return level;
			}
		}
		throw new IllegalArgumentException("no warning level " + rank + " (1 to 4)");
	}

}
