package io.churnguard.app.customer.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import io.churnguard.app.customer.CustomerArchive;
import io.churnguard.app.customer.CustomerDirectory;
import io.churnguard.app.customer.CustomerField;
import io.churnguard.app.customer.CustomerFields;
import io.churnguard.app.customer.CustomerLoader;
import io.churnguard.app.customer.CustomerRecord;
import io.churnguard.app.customer.CustomerView;
import io.churnguard.app.platform.values.FieldError;
import io.churnguard.app.platform.values.Parsed;
import io.churnguard.app.security.Actor;
import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;
import io.churnguard.app.security.Role;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing one customer through the API: the same validation and loading as an import, a
 * full replace of the record, the archive's scope rules, and an audit record of what
 * changed.
 */
@Service
class CustomerEditing {

	/** The request key of the custom attributes object. */
	static final String ATTRIBUTES = "attributes";

	private final CustomerArchive archive;

	private final CustomerDirectory directory;

	private final CustomerLoader loader;

	private final AuditLog audit;

	private final JdbcTemplate jdbc;

	CustomerEditing(CustomerArchive archive, CustomerDirectory directory, CustomerLoader loader, AuditLog audit,
			JdbcTemplate jdbc) {
		this.archive = archive;
		this.directory = directory;
		this.loader = loader;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	/**
	 * A full replace: fields missing from the request are cleared, custom attributes
	 * missing from its {@code attributes} object are removed. The value grade is the
	 * exception — ChurnGuard computes it, so a request without {@code value_grade} keeps
	 * the grade on record instead of erasing it until the next grading run.
	 * @param fields raw values by field code; any other key is refused, because a
	 * misspelt field would silently clear the real one
	 * @param attributes raw custom attribute values by name
	 * @return whether the customer was new
	 * @throws InvalidCustomerException listing every bad field
	 */
	@Transactional
	boolean put(String customerId, Map<String, String> fields, Map<String, String> attributes, Actor actor) {
		if (!actor.hasRole(Role.ADMIN, Role.RETENTION_HEAD, Role.SALES_MANAGER)) {
			throw new AccessDeniedException("your role may not change customers");
		}
		String bodyId = fields.get(CustomerField.CUSTOMER_ID.code());
		if (bodyId != null && !bodyId.isBlank() && !bodyId.strip().equals(customerId)) {
			throw new InvalidCustomerException(List
				.of(new FieldError("customer_id", bodyId, "does not match the id in the path (" + customerId + ")")));
		}
		Map<String, String> complete = new LinkedHashMap<>(fields);
		complete.put(CustomerField.CUSTOMER_ID.code(), customerId);
		boolean exists = !this.directory.existing(List.of(customerId)).isEmpty();
		Optional<CustomerView> visible = this.archive.find(customerId, actor, false);
		if (exists && visible.isEmpty()) {
			throw new NoSuchElementException("no customer " + customerId);
		}
		if (!exists && !actor.hasRole(Role.ADMIN, Role.RETENTION_HEAD)) {
			throw new AccessDeniedException("only administrators and the retention head add customers");
		}
		List<FieldError> errors = new ArrayList<>(unknownFields(fields));
		Parsed<CustomerRecord> parsed = CustomerFields.parse(complete, attributes, this.directory.declaredAttributes());
		if (!parsed.isOk()) {
			errors.addAll(parsed.errors());
		}
		if (!errors.isEmpty()) {
			throw new InvalidCustomerException(errors);
		}
		if (actor.hasRole(Role.SALES_MANAGER) && !CustomerScopeCheck.staysInScope(parsed.value(), actor)) {
			throw new AccessDeniedException("a sales manager may not move a customer out of their region or team");
		}
		Set<CustomerField> present = EnumSet.allOf(CustomerField.class);
		if (parsed.value().valueGrade() == null) {
			present.remove(CustomerField.VALUE_GRADE);
		}
		if (exists) {
			// The loader merges attributes, as an import of some attribute columns must
			// keep the others; a PUT replaces them, so start this customer from none.
			this.jdbc.update("update customer set attributes = '{}'::jsonb where customer_id = ?", customerId);
		}
		this.loader.upsert(List.of(parsed.value()), present, null);
		this.audit.record(AuditRecord.success(exists ? "CUSTOMER_UPDATED" : "CUSTOMER_CREATED", "customer", customerId)
			.with("fields", fields.keySet().stream().sorted().toList())
			.with("attributes", attributes.keySet().stream().sorted().toList()));
		return !exists;
	}

	private static List<FieldError> unknownFields(Map<String, String> fields) {
		List<FieldError> errors = new ArrayList<>();
		fields.forEach((name, value) -> {
			if (name.equals(ATTRIBUTES)) {
				errors.add(new FieldError(name, value, "must be an object of custom attributes"));
			}
			else if (CustomerField.fromCode(name).filter(field -> field.code().equals(name)).isEmpty()) {
				errors.add(new FieldError(name, value, "not a customer field (expected one of "
						+ Arrays.stream(CustomerField.values()).map(CustomerField::code).toList() + " or attributes)"));
			}
		});
		return errors;
	}

	/** Raised with every field error of a request. */
	static class InvalidCustomerException extends RuntimeException {

		private final List<FieldError> errors;

		InvalidCustomerException(List<FieldError> errors) {
			super(errors.size() + " field(s) are invalid");
			this.errors = List.copyOf(errors);
		}

		List<FieldError> errors() {
			return this.errors;
		}

	}

	/** A sales manager's edits must leave the customer in their own region and team. */
	static final class CustomerScopeCheck {

		private CustomerScopeCheck() {
		}

		static boolean staysInScope(CustomerRecord record, Actor actor) {
			return (actor.region() == null || actor.region().equals(record.province()))
					&& (actor.team() == null || actor.team().equals(record.team()));
		}

	}

}
