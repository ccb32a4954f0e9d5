package io.churnguard.app.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real HTTP client against the running server: API calls with Basic auth or a token,
 * and a browser-like console session with cookies and CSRF tokens.
 */
public final class Http {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient client;

	private Http(String base, HttpClient client) {
		this.base = base;
		this.client = client;
	}

	/** A stateless client for the API. */
	public static Http api(int port) {
		return new Http("http://localhost:" + port, HttpClient.newBuilder().build());
	}

	/**
	 * A console session: keeps cookies, does not follow redirects so tests can see them.
	 */
	public static Http console(int port) {
		return new Http("http://localhost:" + port,
				HttpClient.newBuilder()
					.cookieHandler(new CookieManager())
					.followRedirects(HttpClient.Redirect.NEVER)
					.build());
	}

	public HttpResponse<String> get(String path, String... headers) {
		return send(HttpRequest.newBuilder(uri(path)).headers(withDefaults(headers)).GET().build());
	}

	public HttpResponse<String> postJson(String path, String json, String... headers) {
		return send(HttpRequest.newBuilder(uri(path))
			.headers(withDefaults(headers))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	public HttpResponse<String> send(String method, String path, String... headers) {
		return send(HttpRequest.newBuilder(uri(path))
			.headers(withDefaults(headers))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build());
	}

	/** A POST of a body of any content type, e.g. {@code text/csv}. */
	public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
		return send(HttpRequest.newBuilder(uri(path))
			.headers(withDefaults(headers))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** A multipart/form-data POST with text fields and one file. */
	public HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileField,
			String fileName, byte[] content, String... headers) {
		String boundary = "----churnguard" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		fields.forEach((name, value) -> body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8)));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(uri(path))
			.headers(withDefaults(headers))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	public HttpResponse<String> putJson(String path, String json, String... headers) {
		return send(HttpRequest.newBuilder(uri(path))
			.headers(withDefaults(headers))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	/** Posts a console form, taking the CSRF token from the page at {@code formPage}. */
	public HttpResponse<String> postForm(String formPage, String path, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", csrfToken(formPage));
		return postFormWithoutCsrf(path, all);
	}

	public HttpResponse<String> postFormWithoutCsrf(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/**
	 * Signs in through the login form; returns the response to the form post (a
	 * redirect).
	 */
	public HttpResponse<String> login(String username, String password) {
		return postForm("/login", "/login", Map.of("username", username, "password", password));
	}

	public String csrfToken(String page) {
		Matcher matcher = CSRF.matcher(get(page).body());
		if (!matcher.find()) {
			throw new IllegalStateException("no CSRF token on " + page);
		}
		return matcher.group(1);
	}

	public static String basic(String username, String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static String[] withDefaults(String... headers) {
		return (headers.length == 0) ? new String[] { "Accept", "*/*" } : headers;
	}

	private URI uri(String path) {
		return URI.create(path.startsWith("http") ? path : this.base + path);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
