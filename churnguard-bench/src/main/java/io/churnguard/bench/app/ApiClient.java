package io.churnguard.bench.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The REST API as a script sees it: JSON in and out, an {@code Authorization} header on
 * every request. Errors become exceptions with the problem detail the server sent.
 */
public final class ApiClient {

	static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http;

	private final URI base;

	private final String authorization;

	private ApiClient(HttpClient http, URI base, String authorization) {
		this.http = http;
		this.base = base;
		this.authorization = authorization;
	}

	/**
	 * @param base the server, e.g. {@code http://127.0.0.1:8080}
	 * @param user the user name
	 * @param password the password
	 * @return a client that signs every request with HTTP Basic (bcrypt on each: for
	 * set-up only)
	 */
	public static ApiClient basic(URI base, String user, String password) {
		return new ApiClient(newHttp(), base, "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * @param base the server
	 * @param token an API token ({@code cg_…})
	 * @return a client that sends the token
	 */
	public static ApiClient token(URI base, String token) {
		return new ApiClient(newHttp(), base, "Bearer " + token);
	}

	/**
	 * The account the benchmarks work as: a retention head (the role that may import,
	 * train, score, write rules and see every customer), created by the administrator,
	 * with an API token so requests are not slowed by bcrypt.
	 * @param server the running server
	 * @return a client with the retention head's token
	 */
	public static ApiClient retentionHead(ServerProcess server) {
		ApiClient admin = basic(server.baseUri(), "admin", server.adminPassword());
		String password = "Head-" + server.adminPassword();
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("username", "bench_head");
		user.put("displayName", "Benchmark retention head");
		user.put("role", "RETENTION_HEAD");
		user.put("password", password);
		boolean exists = false;
		for (JsonNode known : admin.get("/api/v1/users")) {
			exists |= "bench_head".equals(known.path("username").asText());
		}
		if (!exists) {
			admin.post("/api/v1/users", user);
		}
		JsonNode token = basic(server.baseUri(), "bench_head", password).post("/api/v1/me/tokens",
				Map.of("name", "bench", "validDays", 1));
		return token(server.baseUri(), token.get("token").asText());
	}

	private static HttpClient newHttp() {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/**
	 * @return the underlying client, for asynchronous load
	 */
	public HttpClient http() {
		return this.http;
	}

	/**
	 * @param path a path under the server, e.g. {@code /api/v1/events}
	 * @param timeout how long the answer may take
	 * @return a request builder with the authorization header set
	 */
	public HttpRequest.Builder request(String path, Duration timeout) {
		return HttpRequest.newBuilder(this.base.resolve(path))
			.timeout(timeout)
			.header("Authorization", this.authorization)
			.header("Accept", "application/json");
	}

	/**
	 * @param path the path
	 * @return the JSON answer
	 */
	public JsonNode get(String path) {
		return send(request(path, Duration.ofMinutes(2)).GET().build());
	}

	/**
	 * @param path the path
	 * @param body serialised as JSON, or null for none
	 * @return the JSON answer
	 */
	public JsonNode post(String path, Object body) {
		return post(path, body, Duration.ofMinutes(2));
	}

	/**
	 * @param path the path
	 * @param body serialised as JSON, or null for none
	 * @param timeout how long the answer may take (a synchronous scoring run takes
	 * minutes)
	 * @return the JSON answer
	 */
	public JsonNode post(String path, Object body, Duration timeout) {
		try {
			String json = (body != null) ? JSON.writeValueAsString(body) : "";
			return send(request(path, timeout).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private JsonNode send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
						+ response.statusCode() + ": " + response.body());
			}
			return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(request.method() + " " + request.uri().getPath() + ": " + ex.getMessage(),
					ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
