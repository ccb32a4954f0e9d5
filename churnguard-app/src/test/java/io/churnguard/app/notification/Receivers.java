package io.churnguard.app.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeCom, DingTalk, Feishu and generic receivers on loopback, each checking the signature
 * its platform defines — computed here with javax.crypto, independently of ChurnGuard —
 * and answering as the platform does: DingTalk and Feishu say 200 with an error code when
 * the signature does not match. {@code /flaky} answers whatever status it is told.
 */
final class Receivers implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String DINGTALK_SECRET = "SECit0d6e79b42bd94be0d0d603843651aa2c";

	static final String FEISHU_SECRET = "feishu-it-secret-7Hq2";

	static final String GENERIC_SECRET = "generic-it-secret-K9z";

	final List<Received> received = new CopyOnWriteArrayList<>();

	volatile int flakyStatus = 500;

	private final HttpServer server;

	Receivers() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/wecom",
				exchange -> answer(exchange, true, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}"));
		this.server.createContext("/dingtalk", this::dingTalk);
		this.server.createContext("/feishu", this::feishu);
		this.server.createContext("/generic", this::generic);
		this.server.createContext("/flaky", exchange -> answer(exchange, true, this.flakyStatus, "{}"));
		this.server.setExecutor(Executors.newFixedThreadPool(2));
		this.server.start();
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	List<Received> at(String pathPrefix) {
		return this.received.stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
	}

	private void dingTalk(HttpExchange exchange) throws IOException {
		String query = exchange.getRequestURI().getRawQuery();
		String timestamp = parameter(query, "timestamp");
		String sign = parameter(query, "sign");
		String expected = Base64.getEncoder()
			.encodeToString(hmac(DINGTALK_SECRET.getBytes(StandardCharsets.UTF_8),
					(timestamp + "\n" + DINGTALK_SECRET).getBytes(StandardCharsets.UTF_8)));
		boolean valid = sign != null && URLDecoder.decode(sign, StandardCharsets.UTF_8).equals(expected);
		answer(exchange, valid, 200,
				valid ? "{\"errcode\":0,\"errmsg\":\"ok\"}" : "{\"errcode\":310000,\"errmsg\":\"sign not match\"}");
	}

	private void feishu(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		JsonNode json = JSON.readTree(body);
		String timestamp = json.path("timestamp").asString();
		String expected = Base64.getEncoder()
			.encodeToString(hmac((timestamp + "\n" + FEISHU_SECRET).getBytes(StandardCharsets.UTF_8), new byte[0]));
		boolean valid = expected.equals(json.path("sign").asString());
		record(exchange, body, valid);
		respond(exchange, 200, valid ? "{\"code\":0,\"msg\":\"success\",\"data\":{}}"
				: "{\"code\":19021,\"msg\":\"sign match fail or timestamp is not within one hour from current time\"}");
	}

	private void generic(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		String expected = "sha256="
				+ HexFormat.of().formatHex(hmac(GENERIC_SECRET.getBytes(StandardCharsets.UTF_8), body));
		String timestamp = exchange.getRequestHeaders().getFirst("X-ChurnGuard-Timestamp");
		boolean valid = expected.equals(exchange.getRequestHeaders().getFirst("X-ChurnGuard-Signature"))
				&& timestamp != null && timestamp.equals(JSON.readTree(body).path("timestamp").asString());
		record(exchange, body, valid);
		respond(exchange, valid ? 204 : 401, "");
	}

	private void answer(HttpExchange exchange, boolean valid, int status, String answer) throws IOException {
		record(exchange, exchange.getRequestBody().readAllBytes(), valid);
		respond(exchange, status, answer);
	}

	private void record(HttpExchange exchange, byte[] body, boolean valid) {
		this.received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
				exchange.getRequestHeaders().getFirst("Content-Type"), new String(body, StandardCharsets.UTF_8),
				JSON.readTree(body), valid));
	}

	private static void respond(HttpExchange exchange, int status, String answer) throws IOException {
		byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
		if (bytes.length > 0) {
			exchange.getResponseBody().write(bytes);
		}
		exchange.close();
	}

	private static String parameter(String query, String name) {
		if (query == null) {
			return null;
		}
		for (String pair : query.split("&")) {
			if (pair.startsWith(name + "=")) {
				return pair.substring(name.length() + 1);
			}
		}
		return null;
	}

	private static byte[] hmac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * @param path the request path
	 * @param query the raw query
	 * @param contentType the Content-Type header
	 * @param body the raw body
	 * @param json the body parsed
	 * @param signatureValid whether the receiver's own check of the signature passed
	 */
	record Received(String path, String query, String contentType, String body, JsonNode json, boolean signatureValid) {
	}

}
