package io.churnguard.app.customer.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

import io.churnguard.app.customer.CustomerFilter;
import io.churnguard.app.customer.CustomerView;
import io.churnguard.app.security.Actor;
import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;
import io.churnguard.app.security.Role;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Exports are the easiest way for personal data to leave: masked by default, unmasked
 * only for the retention head, and every export — who, what filter, how many rows — is
 * audited.
 */
@Component
class CustomerExport {

	private final JdbcCustomerArchive archive;

	private final AuditLog audit;

	CustomerExport(JdbcCustomerArchive archive, AuditLog audit) {
		this.archive = archive;
		this.audit = audit;
	}

	/**
	 * Refuses (and audits) an unmasked export by anyone but the retention head, and a bad
	 * sort, before anything is written: once the CSV has started, an error can no longer
	 * be answered properly.
	 */
	void check(CustomerFilter filter, Actor actor, boolean unmasked) {
		if (unmasked && !actor.hasRole(Role.RETENTION_HEAD)) {
			this.audit.record(AuditRecord.denied("CUSTOMER_EXPORT", "customer", null).with("unmasked", true));
			throw new AccessDeniedException("only the retention head may export unmasked customer data");
		}
		JdbcCustomerArchive.orderBy(filter.sort());
	}

	void write(CustomerFilter filter, Actor actor, boolean unmasked, Writer out) throws IOException {
		check(filter, actor, unmasked);
		out.write('\uFEFF');
		CSVPrinter csv = CSVFormat.EXCEL.builder()
			.setHeader("customer_id", "name", "gender", "birth_year", "phone", "email", "id_card", "province", "city",
					"team", "channel", "plan", "monthly_fee", "join_date", "contract_end_date", "group_account",
					"owner", "value_grade", "status", "churn_date", "churn_reason")
			.get()
			.print(out);
		long rows = this.archive.count(filter, actor);
		// Audited before the first row leaves: a client that stops reading half-way has
		// still received personal data.
		this.audit.record(AuditRecord.success("CUSTOMER_EXPORT", "customer", null)
			.with("rows", rows)
			.with("unmasked", unmasked)
			.with("filter", String.valueOf(filter)));
		this.archive.forEach(filter, actor, !unmasked, v -> {
			try {
				csv.printRecord(v.customerId(), v.name(), v.gender(), v.birthYear(), v.phone(), v.email(), v.idCard(),
						v.province(), v.city(), v.team(), v.channel(), v.plan(), v.monthlyFee(), v.joinDate(),
						v.contractEndDate(), v.groupAccount(), v.owner(), v.valueGrade(), v.status().code(),
						v.churnDate(), v.churnReason());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		csv.flush();
	}

}
