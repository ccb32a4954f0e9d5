package io.churnguard.ml.data;

import java.util.List;

/**
 * A table after type inference.
 *
 * @param frame every column, typed
 * @param idLikeColumns columns that identify rows rather than describe them (all values
 * distinct, or named like an id): trainers leave them out and scorers use the first as
 * the row id
 * @param constantColumns columns with at most one distinct value
 * @param notes what inference decided that a person should know, in English
 * @param source where the table came from, with its charset and delimiter
 */
public record InferredTable(Frame frame, List<String> idLikeColumns, List<String> constantColumns, List<String> notes,
		String source) {
}
