package io.churnguard.ml.data;

/** The inferred kind of a column. */
public enum ColumnType {

	/** Real or integer numbers. */
	NUMERIC,
	/** Two values such as yes/no or true/false, stored as 1/0. */
	BOOLEAN,
	/** Calendar dates, stored as days since 1970-01-01. */
	DATE,
	/** Labels from a finite set. */
	CATEGORICAL

}
