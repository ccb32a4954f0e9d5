package io.churnguard.app.customer.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import io.churnguard.app.customer.CustomerArchive;
import io.churnguard.app.customer.CustomerFilter;
import io.churnguard.app.customer.CustomerProfile;
import io.churnguard.app.customer.CustomerScope;
import io.churnguard.app.customer.CustomerStatus;
import io.churnguard.app.customer.ValueGrade;
import io.churnguard.app.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer archive through the API: search, the 360 view, writing one customer,
 * export.
 */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers", description = "The customer archive: masked by default, restricted to the caller's scope")
class CustomerApiController {

	private final CustomerArchive archive;

	private final CustomerProfiles profiles;

	private final CustomerEditing editing;

	private final CustomerExport export;

	CustomerApiController(CustomerArchive archive, CustomerProfiles profiles, CustomerEditing editing,
			CustomerExport export) {
		this.archive = archive;
		this.profiles = profiles;
		this.editing = editing;
		this.export = export;
	}

	@GetMapping
	@Operation(summary = "Search customers",
			description = "Paged (size at most 500), masked, restricted to the caller's scope. q matches an id, the "
					+ "beginning of a name, or a phone number or its last digits.")
	CustomerArchive.CustomerPage search(@RequestParam(required = false) String q,
			@RequestParam(required = false) ValueGrade grade, @RequestParam(required = false) String status,
			@RequestParam(required = false) String province, @RequestParam(required = false) String city,
			@RequestParam(required = false) String team, @RequestParam(required = false) String owner,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String plan,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		Actor actor = requireViewer();
		if (size < 1 || size > 500) {
			throw new IllegalArgumentException("size must be between 1 and 500, was " + size);
		}
		return this.archive.search(
				new CustomerFilter(q, grade, parseStatus(status), province, city, team, owner, channel, plan, sort),
				actor, Math.max(0, page), size);
	}

	@GetMapping("/{id}")
	@Operation(summary = "The customer 360 view",
			description = "Profile, grade history and the sections other modules contribute (timeline, features …). "
					+ "unmasked=true shows personal fields in full to roles allowed to see them; each such view is audited.")
	CustomerProfile profile(@PathVariable String id, @RequestParam(defaultValue = "false") boolean unmasked,
			Locale locale) {
		return this.profiles.profile(id, requireViewer(), unmasked, locale)
			.orElseThrow(() -> new NoSuchElementException("no customer " + id));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Create or replace a customer",
			description = "The fields of customers.csv (snake_case) and an attributes object; validated like an import. "
					+ "Administrators and the retention head; sales managers within their scope.")
	ResponseEntity<CustomerProfile> put(@PathVariable String id, @RequestBody JsonNode body, Locale locale) {
		if (!body.isObject()) {
			throw new IllegalArgumentException("the body must be a JSON object with the customer's fields");
		}
		Map<String, String> fields = new LinkedHashMap<>();
		Map<String, String> attributes = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : body.properties()) {
			if (entry.getKey().equals(CustomerEditing.ATTRIBUTES) && entry.getValue().isObject()) {
				entry.getValue().properties().forEach(a -> attributes.put(a.getKey(), text(a.getValue())));
			}
			else {
				fields.put(entry.getKey(), text(entry.getValue()));
			}
		}
		Actor actor = Actor.require();
		boolean created = this.editing.put(id, fields, attributes, actor);
		CustomerProfile profile = this.profiles.profile(id, actor, false, locale).orElseThrow();
		return created ? ResponseEntity.created(URI.create("/api/v1/customers/" + id)).body(profile)
				: ResponseEntity.ok(profile);
	}

	@GetMapping("/export.csv")
	@Operation(summary = "Export matching customers as CSV",
			description = "The search's filters and sort; masked; unmasked=true only for the retention head. "
					+ "Every export is audited.")
	void export(@RequestParam(required = false) String q, @RequestParam(required = false) ValueGrade grade,
			@RequestParam(required = false) String status, @RequestParam(required = false) String province,
			@RequestParam(required = false) String city, @RequestParam(required = false) String team,
			@RequestParam(required = false) String owner, @RequestParam(required = false) String channel,
			@RequestParam(required = false) String plan, @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "false") boolean unmasked, HttpServletResponse response) throws IOException {
		Actor actor = requireViewer();
		CustomerFilter filter = new CustomerFilter(q, grade, parseStatus(status), province, city, team, owner, channel,
				plan, sort);
		this.export.check(filter, actor, unmasked);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"customers.csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		this.export.write(filter, actor, unmasked, out);
		out.flush();
	}

	@ExceptionHandler(CustomerEditing.InvalidCustomerException.class)
	ProblemDetail invalid(CustomerEditing.InvalidCustomerException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid customer");
		problem.setProperty("errors", ex.errors().stream().map(e -> {
			Map<String, String> error = new LinkedHashMap<>();
			error.put("field", e.field());
			if (e.value() != null) {
				error.put("value", e.value());
			}
			error.put("reason", e.reason());
			return error;
		}).toList());
		return problem;
	}

	static Actor requireViewer() {
		Actor actor = Actor.require();
		if (!CustomerScope.maySee(actor)) {
			throw new AccessDeniedException("your role has no access to customers");
		}
		return actor;
	}

	static CustomerStatus parseStatus(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return CustomerStatus.fromCode(status);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("status must be active or churned, was '" + status + "'");
		}
	}

	private static String text(JsonNode value) {
		return (value == null || value.isNull()) ? null : value.isValueNode() ? value.asString() : value.toString();
	}

}
