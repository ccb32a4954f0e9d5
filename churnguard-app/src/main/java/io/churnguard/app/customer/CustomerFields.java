package io.churnguard.app.customer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.churnguard.app.platform.values.FieldError;
import io.churnguard.app.platform.values.FieldValues;
import io.churnguard.app.platform.values.InvalidValueException;
import io.churnguard.app.platform.values.Parsed;

/**
 * Turns raw field values (from a file row after mapping, or an API request) into a
 * {@link CustomerRecord}, collecting every field error. The one place that decides what a
 * valid customer is.
 */
public final class CustomerFields {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern PHONE_NOISE = Pattern.compile("[\\s\\-()]");

	private static final int[] ID_CARD_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] ID_CARD_CHECK = "10X98765432".toCharArray();

	private CustomerFields() {
	}

	/**
	 * @param raw values by field code ({@code customer_id}, {@code join_date} …)
	 * @param attributeValues raw custom attribute values by attribute name
	 * @param declared the declared custom attributes and their types
	 * @return the record, or the errors of every bad field
	 */
	public static Parsed<CustomerRecord> parse(Map<String, String> raw, Map<String, String> attributeValues,
			Map<String, AttributeType> declared) {
		Reader reader = new Reader(raw);
		String customerId = reader.required(CustomerField.CUSTOMER_ID, value -> {
			if (!FieldValues.isId(value)) {
				throw new InvalidValueException("not a valid id (letters, digits and _ . : - only, at most 64)");
			}
			return value;
		});
		String name = reader.required(CustomerField.NAME, value -> limit(value, 128));
		String gender = reader.optional(CustomerField.GENDER, FieldValues::gender);
		Integer birthYear = reader.optional(CustomerField.BIRTH_YEAR, value -> {
			int year = FieldValues.integer(value);
			if (year < 1900 || year > LocalDate.now().getYear()) {
				throw new InvalidValueException("not a plausible birth year");
			}
			return year;
		});
		String phone = reader.optional(CustomerField.PHONE, CustomerFields::phone);
		String email = reader.optional(CustomerField.EMAIL, value -> {
			if (!EMAIL.matcher(value).matches() || value.length() > 254) {
				throw new InvalidValueException("not an email address");
			}
			return value;
		});
		String idCard = reader.optional(CustomerField.ID_CARD, CustomerFields::idCard);
		String province = reader.optional(CustomerField.PROVINCE, value -> limit(value, 32));
		String city = reader.optional(CustomerField.CITY, value -> limit(value, 32));
		String team = reader.optional(CustomerField.TEAM, value -> limit(value, 64));
		String channel = reader.optional(CustomerField.CHANNEL, value -> limit(value, 32));
		String plan = reader.optional(CustomerField.PLAN, value -> limit(value, 64));
		var monthlyFee = reader.optional(CustomerField.MONTHLY_FEE, value -> {
			var fee = FieldValues.decimal(value);
			if (fee.signum() < 0) {
				throw new InvalidValueException("must not be negative");
			}
			return fee;
		});
		LocalDate joinDate = reader.required(CustomerField.JOIN_DATE, FieldValues::date);
		LocalDate contractEnd = reader.optional(CustomerField.CONTRACT_END_DATE, FieldValues::date);
		Boolean group = reader.optional(CustomerField.GROUP_ACCOUNT, FieldValues::bool);
		String owner = reader.optional(CustomerField.OWNER, value -> limit(value, 64));
		ValueGrade grade = reader.optional(CustomerField.VALUE_GRADE, value -> {
			try {
				return ValueGrade.valueOf(value.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidValueException("not a value grade (expected A, B, C, D or E)");
			}
		});
		CustomerStatus status = reader.optional(CustomerField.STATUS, value -> {
			try {
				return CustomerStatus.fromCode(value);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidValueException("not a status (expected active or churned)");
			}
		});
		LocalDate churnDate = reader.optional(CustomerField.CHURN_DATE, FieldValues::date);
		String churnReason = reader.optional(CustomerField.CHURN_REASON, value -> limit(value, 64));
		if (churnDate != null && joinDate != null && churnDate.isBefore(joinDate)) {
			reader.errors
				.add(new FieldError(CustomerField.CHURN_DATE.code(), raw.get("churn_date"), "is before the join date"));
		}
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributeValues.forEach((attribute, value) -> {
			AttributeType type = declared.get(attribute);
			if (type == null) {
				reader.errors.add(new FieldError(attribute, value, "not a declared custom attribute"));
				return;
			}
			try {
				Object parsed = type.parse(value);
				if (parsed != null) {
					attributes.put(attribute, parsed);
				}
			}
			catch (InvalidValueException ex) {
				reader.errors.add(new FieldError(attribute, value, ex.getMessage()));
			}
		});
		if (!reader.errors.isEmpty()) {
			return Parsed.failed(reader.errors);
		}
		return Parsed.ok(new CustomerRecord(customerId, name, gender, birthYear, phone, email, idCard, province, city,
				team, channel, plan, monthlyFee, joinDate, contractEnd, Boolean.TRUE.equals(group), owner, grade,
				(status != null) ? status : ((churnDate != null) ? CustomerStatus.CHURNED : CustomerStatus.ACTIVE),
				churnDate, churnReason, attributes));
	}

	/** Digits only, with an optional +86/0086 country prefix removed. */
	static String phone(String value) {
		String digits = PHONE_NOISE.matcher(value).replaceAll("");
		if (digits.startsWith("+86")) {
			digits = digits.substring(3);
		}
		else if (digits.startsWith("0086")) {
			digits = digits.substring(4);
		}
		if (!digits.chars().allMatch(Character::isDigit) || digits.length() < 5 || digits.length() > 20) {
			throw new InvalidValueException("not a phone number");
		}
		if (digits.length() == 11 && digits.charAt(0) == '1' && digits.charAt(1) < '3') {
			throw new InvalidValueException("not a mobile number (11 digits starting 13–19)");
		}
		return digits;
	}

	/**
	 * A resident ID number: 18 characters with a valid check digit (GB 11643), or the old
	 * 15 digits.
	 */
	static String idCard(String value) {
		String id = value.toUpperCase(Locale.ROOT);
		if (id.length() == 15 && id.chars().allMatch(Character::isDigit)) {
			return id;
		}
		if (id.length() != 18 || !id.substring(0, 17).chars().allMatch(Character::isDigit)) {
			throw new InvalidValueException("not an ID number (18 characters)");
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (id.charAt(i) - '0') * ID_CARD_WEIGHTS[i];
		}
		if (ID_CARD_CHECK[sum % 11] != id.charAt(17)) {
			throw new InvalidValueException("the ID number's check digit is wrong");
		}
		return id;
	}

	private static String limit(String value, int max) {
		if (value.length() > max) {
			throw new InvalidValueException("longer than " + max + " characters");
		}
		return value;
	}

	private static final class Reader {

		private final Map<String, String> raw;

		private final List<FieldError> errors = new ArrayList<>();

		Reader(Map<String, String> raw) {
			this.raw = raw;
		}

		<T> T required(CustomerField field, Function<String, T> parser) {
			String value = FieldValues.text(this.raw.get(field.code()));
			if (value == null) {
				this.errors.add(new FieldError(field.code(), this.raw.get(field.code()), "is required"));
				return null;
			}
			return parse(field, value, parser);
		}

		<T> T optional(CustomerField field, Function<String, T> parser) {
			String value = FieldValues.text(this.raw.get(field.code()));
			return (value != null) ? parse(field, value, parser) : null;
		}

		private <T> T parse(CustomerField field, String value, Function<String, T> parser) {
			try {
				return parser.apply(value);
			}
			catch (InvalidValueException ex) {
				this.errors.add(new FieldError(field.code(), value, ex.getMessage()));
				return null;
			}
		}

	}

}
