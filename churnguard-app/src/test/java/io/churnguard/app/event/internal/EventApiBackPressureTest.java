package io.churnguard.app.event.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.churnguard.app.event.EventLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events API under overload: when every loading slot is taken, a further batch is
 * answered 429 with Retry-After at once instead of queueing without bound, and a slot
 * freed is used by the next batch.
 */
class EventApiBackPressureTest {

	static final String BATCH = """
			[{"event_id":"E1","customer_id":"C1","event_time":"2026-03-01T10:00:00","event_type":"complaint"}]""";

	@Test
	void aBatchArrivingWhileEverySlotIsLoadingGets429WithRetryAfterAndTheNextOneLoads() throws Exception {
		CountDownLatch loading = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		EventLoader slowLoader = (events, importId) -> {
			loading.countDown();
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return new EventLoader.LoadResult(events.size(), 0, List.of());
		};
		EventApiController api = new EventApiController(new AppendingEvents(slowLoader, event -> {
		}), Clock.fixed(Instant.parse("2026-03-02T00:00:00Z"), ZoneOffset.UTC), "Asia/Shanghai", 1);
		JsonNode batch = JsonMapper.builder().build().readTree(BATCH);

		CompletableFuture<ResponseEntity<?>> first = CompletableFuture.supplyAsync(() -> append(api, batch));
		assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
		ResponseEntity<?> refused = api.append(batch);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("1");
		assertThat(((ProblemDetail) refused.getBody()).getDetail()).contains("retry shortly");

		release.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS).getStatusCode()).isEqualTo(HttpStatus.OK);
		ResponseEntity<?> next = api.append(batch);
		assertThat(next.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(next.getBody()).isInstanceOf(EventApiController.BatchResult.class);
		assertThat(((EventApiController.BatchResult) next.getBody()).accepted()).isEqualTo(1);
	}

	private static ResponseEntity<?> append(EventApiController api, JsonNode batch) {
		try {
			return api.append(batch);
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
