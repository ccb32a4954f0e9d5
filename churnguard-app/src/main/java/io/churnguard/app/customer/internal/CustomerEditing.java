package io.churnguard.app.customer.internal;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

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

	private final CustomerArchive archive;

	private final CustomerDirectory directory;

	private final CustomerLoader loader;

	private final AuditLog audit;

	CustomerEditing(CustomerArchive archive, CustomerDirectory directory, CustomerLoader loader, AuditLog audit) {
		this.archive = archive;
		this.directory = directory;
		this.loader = loader;
		this.audit = audit;
	}

	/**
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
		Parsed<CustomerRecord> parsed = CustomerFields.parse(complete, attributes, this.directory.declaredAttributes());
		if (!parsed.isOk()) {
			throw new InvalidCustomerException(parsed.errors());
		}
		if (actor.hasRole(Role.SALES_MANAGER) && !CustomerScopeCheck.staysInScope(parsed.value(), actor)) {
			throw new AccessDeniedException("a sales manager may not move a customer out of their region or team");
		}
		this.loader.upsert(List.of(parsed.value()), EnumSet.allOf(CustomerField.class), null);
		this.audit.record(AuditRecord.success(exists ? "CUSTOMER_UPDATED" : "CUSTOMER_CREATED", "customer", customerId)
			.with("fields", fields.keySet().stream().sorted().toList()));
		return !exists;
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
