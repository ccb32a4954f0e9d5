package io.churnguard.ml.event;

import java.util.List;

/**
 * What reading a whole CSV file gave: the valid rows and every error of the invalid ones.
 *
 * @param <T> the type of a parsed row
 * @param rows the valid rows in file order
 * @param errors every error, in file order
 * @param records the number of data records read (valid and invalid)
 * @param rejected the number of records with at least one error
 */
public record CsvReadResult<T>(List<T> rows, List<CsvError> errors, long records, long rejected) {

	public CsvReadResult {
		rows = List.copyOf(rows);
		errors = List.copyOf(errors);
	}

}
