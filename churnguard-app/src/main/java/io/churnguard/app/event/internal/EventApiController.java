package io.churnguard.app.event.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.churnguard.app.event.EventFields;
import io.churnguard.app.event.EventLoader;
import io.churnguard.app.platform.values.FieldError;
import io.churnguard.app.platform.values.Parsed;
import io.churnguard.ml.event.Event;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Events from systems, in batches. Good events are loaded even when others in the batch
 * are bad; the answer names each bad one. A bounded number of batches load at a time:
 * beyond that the caller gets 429 with Retry-After instead of an ever-growing queue.
 */
@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "Events", description = "The behaviour event log")
class EventApiController {

	static final int MAX_BATCH = 10_000;

	private final AppendingEvents appending;

	private final Semaphore slots;

	private final Clock clock;

	private final ZoneId zone;

	EventApiController(AppendingEvents appending, Clock clock,
			@Value("${churnguard.time-zone:Asia/Shanghai}") String zone,
			@Value("${churnguard.events.concurrent-batches:4}") int concurrentBatches) {
		this.appending = appending;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
		this.slots = new Semaphore(concurrentBatches);
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('ADMIN', 'RETENTION_HEAD', 'ANALYST')")
	@Operation(summary = "Append a batch of events (up to 10,000)",
			description = "A JSON array of events with the fields of events.csv: event_id, customer_id, event_time, "
					+ "event_type, subtype, amount, quantity, attributes (an object). Idempotent by event_id and "
					+ "event_time. Events of customers not in the archive are refused and listed.")
	ResponseEntity<?> append(@RequestBody JsonNode body) throws InterruptedException {
		if (!body.isArray()) {
			throw new IllegalArgumentException("the body must be a JSON array of events");
		}
		if (body.size() > MAX_BATCH) {
			throw new IllegalArgumentException(
					"a batch holds at most " + MAX_BATCH + " events; this one has " + body.size());
		}
		if (!this.slots.tryAcquire(250, TimeUnit.MILLISECONDS)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
					"the server is loading as many event batches as it allows; retry shortly");
			problem.setTitle("Busy");
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "1").body(problem);
		}
		try {
			return ResponseEntity.ok(load(body));
		}
		finally {
			this.slots.release();
		}
	}

	private BatchResult load(JsonNode body) {
		LocalDateTime latest = LocalDateTime.now(this.clock.withZone(this.zone)).plusDays(1);
		List<Event> events = new ArrayList<>();
		List<Integer> positions = new ArrayList<>();
		List<ItemError> errors = new ArrayList<>();
		for (int i = 0; i < body.size(); i++) {
			JsonNode item = body.get(i);
			if (!item.isObject()) {
				errors.add(new ItemError(i, null, null, "not a JSON object"));
				continue;
			}
			Parsed<Event> parsed = EventFields.parse(raw(item), this.zone, latest);
			if (parsed.isOk()) {
				events.add(parsed.value());
				positions.add(i);
			}
			else {
				for (FieldError error : parsed.errors()) {
					errors.add(new ItemError(i, error.field(), error.value(), error.reason()));
				}
			}
		}
		EventLoader.LoadResult result = this.appending.append(events);
		for (int index : result.unknownCustomer()) {
			errors.add(new ItemError(positions.get(index), "customer_id", events.get(index).customerId(),
					"unknown customer: not in the archive"));
		}
		long rejected = errors.stream().mapToInt(ItemError::index).distinct().count();
		return new BatchResult(body.size(), result.inserted(), result.duplicates(), rejected, errors);
	}

	private static Map<String, String> raw(JsonNode item) {
		Map<String, String> raw = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : item.properties()) {
			JsonNode value = entry.getValue();
			raw.put(entry.getKey(), value.isNull() ? null : value.isValueNode() ? value.asString() : value.toString());
		}
		return raw;
	}

	/**
	 * @param received events in the request
	 * @param accepted events new to the log
	 * @param duplicates events already in the log
	 * @param rejected events refused
	 * @param errors why each refused event was refused, by its position in the request
	 */
	record BatchResult(int received, int accepted, int duplicates, long rejected, List<ItemError> errors) {
	}

	record ItemError(int index, String field, String value, String reason) {
	}

}
