package io.churnguard.bench.app;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Brings a loaded workspace to the state a running business is in, through the API a user
 * would call: customers graded, a champion model trained from the archive, the daily
 * scoring job run (scores, reasons and warnings). Each step reports its time.
 */
public final class Preparation {

	private Preparation() {
	}

	/**
	 * Re-grades every customer ({@code POST /api/v1/grading/runs}).
	 * @param api the retention head's client
	 * @return the customers graded and the time taken
	 */
	public static Map<String, Object> grade(ApiClient api) {
		System.err.println("grading the customers");
		long started = System.nanoTime();
		JsonNode run = api.post("/api/v1/grading/runs", null, Duration.ofMinutes(30));
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("customers", run.path("customers").asLong());
		report.put("changed", run.path("changed").asLong());
		report.put("wallMs", (System.nanoTime() - started) / 1_000_000);
		return report;
	}

	/**
	 * Trains a model from the archive in the background ({@code POST
	 * /api/v1/models/training}) and waits for it, unless a champion exists already; the
	 * first model becomes the champion.
	 * @param api the retention head's client
	 * @param algorithm lr, gbdt, blend or auto
	 * @param cvFolds cross-validation folds
	 * @return the training job, or the existing champion
	 */
	public static Map<String, Object> trainUnlessChampion(ApiClient api, String algorithm, int cvFolds) {
		Map<String, Object> report = new LinkedHashMap<>();
		for (JsonNode model : api.get("/api/v1/models")) {
			if ("champion".equalsIgnoreCase(model.path("status").asText())) {
				report.put("championExisted", model.path("id").asText());
				return report;
			}
		}
		System.err.printf("training a %s model from the archive (%d-fold cross-validation)%n", algorithm, cvFolds);
		long started = System.nanoTime();
		JsonNode job = api.post("/api/v1/models/training", Map.of("algorithm", algorithm, "cvFolds", cvFolds));
		String status = job.path("status").asText();
		while (!status.equals("completed") && !status.equals("failed")) {
			ServerProcess.sleep(2_000);
			job = api.get("/api/v1/models/training/" + job.path("id").asLong());
			status = job.path("status").asText();
		}
		if (status.equals("failed")) {
			throw new IllegalStateException("training failed: " + job.path("error").asText());
		}
		report.put("modelId", job.path("modelId").asText());
		report.put("wallMs", (System.nanoTime() - started) / 1_000_000);
		JsonNode model = api.get("/api/v1/models/" + job.path("modelId").asText()).path("model");
		report.put("auc", model.path("auc"));
		report.put("status", model.path("status").asText());
		if (!"champion".equalsIgnoreCase(model.path("status").asText())) {
			api.post("/api/v1/models/" + job.path("modelId").asText() + "/promote", null);
		}
		System.err.printf("  trained %s in %.1f s%n", job.path("modelId").asText(),
				((Number) report.get("wallMs")).longValue() / 1000.0);
		return report;
	}

	/**
	 * Runs the daily scoring job now through its documented trigger ({@code POST
	 * /api/v1/scoring/runs}, the same {@code scoreAll} the 04:00 schedule calls) and
	 * reads its recorded elapsed time; counts the warnings it raised.
	 * @param api the retention head's client
	 * @param server the server, for the warning count
	 * @return the run's figures
	 */
	public static Map<String, Object> dailyJob(ApiClient api, ServerProcess server) {
		System.err.println("running the daily scoring job");
		java.time.Instant from = java.time.Instant.now();
		long started = System.nanoTime();
		JsonNode run = api.post("/api/v1/scoring/runs", null, Duration.ofHours(2));
		long wallMs = (System.nanoTime() - started) / 1_000_000;
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("runId", run.path("id").asLong());
		report.put("customers", run.path("customers").asLong());
		report.put("high", run.path("high").asLong());
		report.put("medium", run.path("medium").asLong());
		report.put("low", run.path("low").asLong());
		report.put("elapsedMs", run.path("elapsedMs").asLong());
		report.put("httpWallMs", wallMs);
		try (Connection db = server.database(true);
				Statement statement = db.createStatement();
				ResultSet rs = statement.executeQuery("""
						select count(*), count(*) filter (where cause = 'model'),
						       count(*) filter (where jsonb_array_length(reasons) > 0)
						from warning where raised_at >= '%s'""".formatted(from))) {
			rs.next();
			report.put("warningsRaised", rs.getLong(1));
			report.put("modelWarnings", rs.getLong(2));
			report.put("warningsWithReasons", rs.getLong(3));
		}
		catch (SQLException ex) {
			report.put("warningsRaised", "unknown: " + ex.getMessage());
		}
		System.err.printf("  scored %,d customers in %.1f s (recorded), %s warnings raised%n",
				run.path("customers").asLong(), run.path("elapsedMs").asLong() / 1000.0, report.get("warningsRaised"));
		return report;
	}

	/**
	 * Waits until the server has delivered every domain event it published (the
	 * notifications and rescorings the previous step set off), so they do not run during
	 * a measurement.
	 * @param server the server
	 * @param timeout the longest wait
	 * @return how long it took, in ms, or -1 when it did not settle
	 */
	public static long settle(ServerProcess server, Duration timeout) {
		long started = System.nanoTime();
		long deadline = started + timeout.toNanos();
		try (Connection db = server.database(true); Statement statement = db.createStatement()) {
			long outstanding = -1;
			while (System.nanoTime() < deadline) {
				try (ResultSet rs = statement
					.executeQuery("select count(*) from event_publication where completion_date is null")) {
					rs.next();
					outstanding = rs.getLong(1);
					if (outstanding == 0) {
						return (System.nanoTime() - started) / 1_000_000;
					}
				}
				ServerProcess.sleep(500);
			}
			System.err.printf("  not settled after %d s: %,d announcements still being handled; what follows runs"
					+ " alongside them%n", timeout.toSeconds(), outstanding);
			return -1;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot read the event publications: " + ex.getMessage(), ex);
		}
	}

	/**
	 * @param server the server
	 * @param sql a query whose first column is a customer id
	 * @return the ids
	 */
	public static List<String> customerIds(ServerProcess server, String sql) {
		List<String> ids = new ArrayList<>();
		try (Connection db = server.database(true); Statement statement = db.createStatement()) {
			statement.setFetchSize(50_000);
			db.setAutoCommit(false);
			try (ResultSet rs = statement.executeQuery(sql)) {
				while (rs.next()) {
					ids.add(rs.getString(1));
				}
			}
			db.commit();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot read customers: " + ex.getMessage(), ex);
		}
		return ids;
	}

}
