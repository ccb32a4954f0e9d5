package io.churnguard.ml.event;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads {@code customers.csv} (docs/data-formats.md) into {@link CustomerAttributes},
 * validating every field and reporting each bad row with its line, column, value and
 * reason. Personal columns are validated but not kept; other non-personal columns become
 * extras.
 */
public final class CustomerCsvReader {

	/** Columns a file must have. */
	public static final List<String> REQUIRED_COLUMNS = List.of("customer_id", "name", "join_date");

	/** Columns holding personal data, validated but never copied into attributes. */
	private static final Set<String> PERSONAL = Set.of("name", "phone", "email", "id_card");

	/** Columns mapped to attribute components rather than extras. */
	private static final Set<String> MAPPED = Set.of("customer_id", "join_date", "contract_end_date", "plan",
			"monthly_fee", "group_account", "status", "churn_date", "churn_reason");

	private static final Pattern PHONE = Pattern.compile("1\\d{10}");

	private static final Pattern ID_CARD = Pattern.compile("\\d{17}[\\dXx]");

	private final CsvColumns columns;

	private CustomerCsvReader(CsvColumns columns) {
		this.columns = columns;
	}

	/**
	 * A reader for files with the given header.
	 * @param header the header's column names, in any order
	 * @return the reader, or the errors naming missing required columns
	 */
	public static RowResult<CustomerCsvReader> forHeader(List<String> header) {
		CsvColumns columns = new CsvColumns(header);
		List<CsvError> missing = columns.missing(REQUIRED_COLUMNS);
		return missing.isEmpty() ? new RowResult<>(new CustomerCsvReader(columns), List.of())
				: new RowResult<>(null, missing);
	}

	/**
	 * Parses one data record.
	 * @param line the 1-based line the record starts on
	 * @param fields the record's fields in header order
	 * @return the attributes, or every error of the row
	 */
	public RowResult<CustomerAttributes> parse(long line, List<String> fields) {
		CsvColumns.Row row = this.columns.new Row(line, fields);
		String customerId = row.required("customer_id");
		row.required("name");
		LocalDate joinDate = row.date("join_date", true);
		LocalDate contractEnd = row.date("contract_end_date", false);
		double monthlyFee = row.decimal("monthly_fee");
		if (monthlyFee < 0) {
			row.error("monthly_fee", row.text("monthly_fee"), "must not be negative");
		}
		Boolean groupAccount = bool(row, "group_account");
		String status = row.text("status").toLowerCase(Locale.ROOT);
		if (!status.isEmpty() && !status.equals("active") && !status.equals("churned")) {
			row.error("status", row.text("status"), "must be active or churned");
		}
		LocalDate churnDate = row.date("churn_date", false);
		String gender = gender(row);
		Integer birthYear = row.integer("birth_year");
		if (birthYear != null && (birthYear < 1900 || birthYear > 2100)) {
			row.error("birth_year", row.text("birth_year"), "not a plausible year");
		}
		validate(row, "phone", PHONE, "not an 11-digit mobile number");
		validate(row, "id_card", ID_CARD, "not an 18-character resident ID number");
		String email = row.text("email");
		if (!email.isEmpty() && email.indexOf('@') <= 0) {
			row.error("email", email, "not an e-mail address");
		}
		if (!row.errors.isEmpty()) {
			return new RowResult<>(null, row.errors);
		}
		Map<String, String> extras = new LinkedHashMap<>();
		for (String column : this.columns.names()) {
			if (!PERSONAL.contains(column) && !MAPPED.contains(column) && !row.text(column).isEmpty()) {
				extras.put(column, row.text(column));
			}
		}
		if (gender != null) {
			extras.put("gender", gender);
		}
		return new RowResult<>(
				new CustomerAttributes(customerId, joinDate, contractEnd, row.optional("plan"), monthlyFee,
						groupAccount, "churned".equals(status), churnDate, row.optional("churn_reason"), extras),
				List.of());
	}

	/**
	 * Reads a whole stream, handing on valid customers and errors as they come; a
	 * repeated customer id is an error of the later row.
	 * @param in the CSV text, header first
	 * @param accepted receives valid customers in file order
	 * @param rejected receives every error
	 * @return {@code [records read, records rejected]}
	 * @throws IOException when reading fails
	 */
	public static long[] read(Reader in, Consumer<CustomerAttributes> accepted, Consumer<CsvError> rejected)
			throws IOException {
		CsvRecords records = new CsvRecords(in);
		List<String> header = records.next();
		if (header == null) {
			rejected.accept(new CsvError(1, "-", "", "the file is empty; expected a header"));
			return new long[] { 0, 0 };
		}
		RowResult<CustomerCsvReader> reader = forHeader(header);
		if (!reader.isValid()) {
			reader.errors().forEach(rejected);
			return new long[] { 0, 0 };
		}
		Set<String> seen = new HashSet<>();
		long read = 0;
		long bad = 0;
		for (List<String> fields = records.next(); fields != null; fields = records.next()) {
			if (CsvRecords.isBlank(fields)) {
				continue;
			}
			read++;
			RowResult<CustomerAttributes> result = reader.value().parse(records.recordLine(), fields);
			if (result.isValid() && !seen.add(result.value().customerId())) {
				result = new RowResult<>(null, List.of(new CsvError(records.recordLine(), "customer_id",
						result.value().customerId(), "duplicate customer id")));
			}
			if (result.isValid()) {
				accepted.accept(result.value());
			}
			else {
				bad++;
				result.errors().forEach(rejected);
			}
		}
		return new long[] { read, bad };
	}

	/**
	 * Reads a whole file into memory.
	 * @param file the customers.csv file (UTF-8)
	 * @return the customers and the errors
	 * @throws IOException when reading fails
	 */
	public static CsvReadResult<CustomerAttributes> readAll(Path file) throws IOException {
		List<CustomerAttributes> customers = new ArrayList<>();
		List<CsvError> errors = new ArrayList<>();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			long[] counts = read(in, customers::add, errors::add);
			return new CsvReadResult<>(customers, errors, counts[0], counts[1]);
		}
	}

	private static Boolean bool(CsvColumns.Row row, String column) {
		String value = row.text(column).toLowerCase(Locale.ROOT);
		return switch (value) {
			case "" -> null;
			case "true", "1", "yes", "是" -> Boolean.TRUE;
			case "false", "0", "no", "否" -> Boolean.FALSE;
			default -> {
				row.error(column, row.text(column), "must be true or false");
				yield null;
			}
		};
	}

	private static String gender(CsvColumns.Row row) {
		String value = row.text("gender");
		return switch (value) {
			case "" -> null;
			case "M", "m", "男" -> "M";
			case "F", "f", "女" -> "F";
			default -> {
				row.error("gender", value, "must be M or F (男 or 女)");
				yield null;
			}
		};
	}

	private static void validate(CsvColumns.Row row, String column, Pattern pattern, String reason) {
		String value = row.text(column);
		if (!value.isEmpty() && !pattern.matcher(value).matches()) {
			row.error(column, value, reason);
		}
	}

}
