package io.churnguard.app.notification;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.churnguard.app.notification.DigestContributor.DigestLine;
import io.churnguard.app.security.Actor;
import io.churnguard.app.support.Browser;
import io.churnguard.app.support.ChurnGuardIT;
import io.churnguard.app.support.Http;
import io.churnguard.app.support.MutableClock;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Notifications end to end against real receivers: GreenMail for SMTP and a JDK HTTP
 * server playing the WeCom, DingTalk, Feishu and generic webhooks, each checking its
 * signature. Time moves on the test clock; dispatch passes run on demand.
 */
@ChurnGuardIT(properties = { "churnguard.security.ip-throttle.max-failures=100000",
		"churnguard.notifications.dispatch-interval=1h", "churnguard.notifications.base-url=http://console.example",
		"churnguard.secrets.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=" })
@Import(NotificationIT.Digest.class)
class NotificationIT {

	static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.createCopy("127.0.0.1").dynamicPort());

	static final Receivers RECEIVERS;

	static {
		MAIL.start();
		RECEIVERS = new Receivers();
	}

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
	}

	@AfterAll
	static void stopServers() {
		MAIL.stop();
		RECEIVERS.close();
	}

	@LocalServerPort
	int port;

	@Value("${churnguard.admin-password}")
	String adminPassword;

	@Autowired
	Notifier notifier;

	@Autowired
	NotificationDispatch dispatch;

	@Autowired
	DailyDigest digest;

	@Autowired
	MutableClock clock;

	@Autowired
	JavaMailSender mailSender;

	@Autowired
	JdbcTemplate jdbc;

	Http api;

	String admin;

	@BeforeEach
	void setUp() {
		this.api = Http.api(this.port);
		this.admin = Http.basic("admin", this.adminPassword);
	}

	@Test
	void aNotificationReachesTheInboxAndAnEmailInEachRecipientsLanguage() throws Exception {
		String zhPassword = user("mail.zh", "SALES_MANAGER", "mail.zh@example.com");
		String enPassword = user("mail.en", "SALES_MANAGER", "mail.en@example.com");
		assertThat(this.api
			.putJson("/api/v1/inbox/preferences", "{\"locale\":\"en\"}", "Authorization",
					Http.basic("mail.en", enPassword))
			.statusCode()).isEqualTo(200);

		for (String recipient : List.of("mail.zh", "mail.en")) {
			this.notifier.notify(warning(recipient, "warning.raised", "mail-1"));
		}
		JsonNode inbox = json(get("/api/v1/inbox", "mail.zh", zhPassword));
		assertThat(inbox.get("unread").asLong()).isEqualTo(1);
		assertThat(inbox.at("/entries/0/title").asString()).isEqualTo("客户 C00012 流失风险高");
		assertThat(inbox.at("/entries/0/levelLabel").asString()).isEqualTo("一级");
		assertThat(json(get("/api/v1/inbox", "mail.en", enPassword)).at("/entries/0/title").asString())
			.isEqualTo("Customer C00012 is likely to churn");

		this.dispatch.dispatchDue();
		MimeMessage chinese = mailTo("mail.zh@example.com").get(0);
		assertThat(chinese.getSubject()).isEqualTo("【ChurnGuard·一级】客户 C00012 流失风险高");
		String[] parts = parts(chinese);
		assertThat(parts[0]).contains("近三个月通话量下降 62%", "客户: C00012", "查看详情: http://console.example/warnings/7");
		assertThat(parts[1]).contains("<a href=\"http://console.example/warnings/7\"", "流失概率");
		assertThat(mailTo("mail.en@example.com").get(0).getSubject())
			.isEqualTo("[ChurnGuard · Level I] Customer C00012 is likely to churn");

		assertThat(((JavaMailSenderImpl) this.mailSender).getJavaMailProperties())
			.as("a dead SMTP server cannot hang a sender thread")
			.containsEntry("mail.smtp.timeout", "10000")
			.containsEntry("mail.smtp.connectiontimeout", "10000");

		long id = inbox.at("/entries/0/id").asLong();
		assertThat(post("/api/v1/inbox/" + id + "/read", "mail.en", enPassword).statusCode()).as("not theirs")
			.isEqualTo(404);
		assertThat(post("/api/v1/inbox/" + id + "/read", "mail.zh", zhPassword).statusCode()).isEqualTo(204);
		assertThat(json(get("/api/v1/inbox", "mail.zh", zhPassword)).get("unread").asLong()).isZero();
	}

	@Test
	void theConsoleShowsTheInboxWithAnUnreadBadgeAndMarksAllRead() {
		String password = user("inbox.agent", "AGENT", null);
		this.notifier.notify(warning("inbox.agent", "warning.assigned", "console-1"));
		this.notifier.notify(warning("inbox.agent", "warning.assigned", "console-1"));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from notification where recipient = 'inbox.agent' and event_key = 'console-1'",
				Long.class))
			.as("the same key twice is one entry")
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from notification_delivery d join notification n on n.id = d.notification_id "
						+ "where n.recipient = 'inbox.agent' and d.channel = 'email'",
				Long.class))
			.as("no address, no email")
			.isZero();

		Http browser = Http.console(this.port);
		browser.login("inbox.agent", password);
		assertThat(browser.get("/").body()).contains("class=\"inbox-link\"", "<span class=\"count\">1</span>", "未读通知");
		String page = browser.get("/inbox").body();
		assertThat(page).contains("客户 C00012 流失风险高", "流失概率：0.87", "一级").doesNotContain("??");
		long id = this.jdbc.queryForObject("select id from notification where recipient = 'inbox.agent'", Long.class);
		HttpResponse<String> open = browser.get("/inbox/" + id + "/open");
		assertThat(open.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/warnings/7"));

		this.notifier.notify(warning("inbox.agent", "warning.escalated", "console-2"));
		assertThat(browser.postForm("/inbox", "/inbox/read-all", Map.of()).statusCode()).isEqualTo(302);
		assertThat(browser.get("/inbox").body()).contains("未读 0 条");
		assertThat(browser.get("/").body()).doesNotContain("<span class=\"count\">");
	}

	@Test
	void eachWebhookTypeReceivesItsOwnFormatOncePerEventWithAValidSignature() {
		user("hook.a", "AGENT", null);
		user("hook.b", "AGENT", null);
		createWebhook("wecom-it", "wecom", RECEIVERS.url("/wecom/send?key=693a91f6-7aaa-4bc4-97a0"), null, "zh-CN");
		createWebhook("dingtalk-it", "dingtalk",
				RECEIVERS.url("/dingtalk/robot/send?access_token=e9a8118c8a3dc685fab4"), Receivers.DINGTALK_SECRET,
				"zh-CN");
		createWebhook("feishu-it", "feishu", RECEIVERS.url("/feishu/open-apis/bot/v2/hook/2c6a7f1e55b84c1f9d0e"),
				Receivers.FEISHU_SECRET, "zh-CN");
		createWebhook("generic-it", "generic", RECEIVERS.url("/generic/churn"), Receivers.GENERIC_SECRET, "en");

		String listed = this.api.get("/api/v1/webhooks", "Authorization", this.admin).body();
		assertThat(listed).contains("\"secretSet\":true", "access_token=e9a8…", "/hook/2c6a…")
			.doesNotContain(Receivers.DINGTALK_SECRET, Receivers.FEISHU_SECRET, Receivers.GENERIC_SECRET,
					"e9a8118c8a3dc685fab4", "2c6a7f1e55b84c1f9d0e");
		Map<String, Object> stored = this.jdbc
			.queryForMap("select url, secret from webhook where name = 'dingtalk-it'");
		assertThat(stored.get("url").toString()).startsWith("enc:v1:").doesNotContain("e9a8118c8a3dc685fab4");
		assertThat(stored.get("secret").toString()).startsWith("enc:v1:").doesNotContain(Receivers.DINGTALK_SECRET);
		assertThat(
				this.jdbc.queryForList("select details from audit_log where action = 'WEBHOOK_CREATED'", String.class))
			.hasSizeGreaterThanOrEqualTo(4)
			.noneMatch(details -> details.contains("SEC") || details.contains("e9a8118c"));

		this.notifier.notify(warning("hook.a", "test.format", "format-1"));
		this.notifier.notify(warning("hook.b", "test.format", "format-1"));
		this.dispatch.dispatchDue();

		Receivers.Received wecom = only("/wecom");
		assertThat(wecom.json().get("msgtype").asString()).isEqualTo("markdown");
		assertThat(wecom.json().at("/markdown/content").asString()).contains("客户 C00012 流失风险高",
				"[查看详情](http://console.example/warnings/7)");

		Receivers.Received dingTalk = only("/dingtalk");
		assertThat(dingTalk.signatureValid()).as("DingTalk signature").isTrue();
		assertThat(dingTalk.query()).startsWith("access_token=e9a8118c8a3dc685fab4&timestamp=");
		assertThat(dingTalk.json().at("/markdown/title").asString()).isEqualTo("【一级】客户 C00012 流失风险高");

		Receivers.Received feishu = only("/feishu");
		assertThat(feishu.signatureValid()).as("Feishu signature").isTrue();
		assertThat(feishu.json().get("msg_type").asString()).isEqualTo("interactive");
		assertThat(feishu.json().at("/card/header/template").asString()).isEqualTo("red");

		Receivers.Received generic = only("/generic");
		assertThat(generic.signatureValid()).as("generic signature").isTrue();
		assertThat(generic.contentType()).startsWith("application/json");
		assertThat(generic.json().get("title").asString()).isEqualTo("Customer C00012 is likely to churn");
		assertThat(generic.json().get("key").asString()).isEqualTo("format-1");

		assertThat(this.jdbc.queryForObject(
				"select count(*) from notification_delivery where channel = 'webhook' and event_key = 'format-1' "
						+ "and status = 'delivered'",
				Long.class))
			.isEqualTo(4);
		HttpResponse<String> denied = this.api.get("/api/v1/webhooks", "Authorization",
				Http.basic("hook.a", "wrong-password-that-fails"));
		assertThat(denied.statusCode()).isEqualTo(401);
	}

	@Test
	void aFailingReceiverIsRetriedWithBackOffThenDeadLetteredAndAnAdminRequeueDeliversIt() {
		String password = user("flaky.owner", "AGENT", null);
		createWebhook("flaky-it", "generic", RECEIVERS.url("/flaky"), null, "zh-CN", "test.flaky");
		RECEIVERS.flakyStatus = 500;
		long notification = this.notifier.notify(warning("flaky.owner", "test.flaky", "flaky-1"));
		long delivery = this.jdbc.queryForObject(
				"select id from notification_delivery where notification_id = ? and channel = 'webhook'", Long.class,
				notification);

		this.dispatch.dispatchDue();
		assertThat(RECEIVERS.at("/flaky")).hasSize(1);
		assertThat(nextAttempt(delivery)).isCloseTo(this.clock.instant().plus(Duration.ofMinutes(1)),
				within(1, ChronoUnit.MILLIS));
		List<Duration> delays = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
				Duration.ofHours(2), Duration.ofHours(12));
		for (int retry = 0; retry < delays.size(); retry++) {
			this.clock.advance(delays.get(retry).minusSeconds(1));
			this.dispatch.dispatchDue();
			assertThat(RECEIVERS.at("/flaky")).as("not yet due before retry " + (retry + 1)).hasSize(retry + 1);
			this.clock.advance(Duration.ofSeconds(1));
			this.dispatch.dispatchDue();
			assertThat(RECEIVERS.at("/flaky")).as("retry " + (retry + 1)).hasSize(retry + 2);
		}
		Map<String, Object> dead = this.jdbc
			.queryForMap("select status, attempts, last_error from notification_delivery where id = ?", delivery);
		assertThat(dead).containsEntry("status", "dead").containsEntry("attempts", 6);
		assertThat(dead.get("last_error").toString()).startsWith("HTTP 500");
		this.clock.advance(Duration.ofDays(1));
		this.dispatch.dispatchDue();
		assertThat(RECEIVERS.at("/flaky")).as("dead letters are not retried").hasSize(6);

		assertThat(this.api.get("/api/v1/notifications/deliveries?status=dead", "Authorization", this.admin).body())
			.contains("\"id\":" + delivery, "HTTP 500");
		assertThat(
				post("/api/v1/notifications/deliveries/" + delivery + "/requeue", "flaky.owner", password).statusCode())
			.isEqualTo(403);
		Http console = Http.console(this.port);
		console.login("admin", this.adminPassword);
		assertThat(console.get("/notifications/deliveries").body()).contains("data-id=\"" + delivery + "\"");

		RECEIVERS.flakyStatus = 200;
		assertThat(this.api
			.send("POST", "/api/v1/notifications/deliveries/" + delivery + "/requeue", "Authorization", this.admin)
			.statusCode()).isEqualTo(204);
		this.dispatch.dispatchDue();
		assertThat(RECEIVERS.at("/flaky")).hasSize(7);
		assertThat(this.jdbc.queryForObject("select status from notification_delivery where id = ?", String.class,
				delivery))
			.isEqualTo("delivered");
		assertThat(this.jdbc.queryForList(
				"select actor from audit_log where action = 'NOTIFICATION_REQUEUED' and object_id = ?", String.class,
				Long.toString(delivery)))
			.containsExactly("admin");
		assertThat(this.api
			.send("POST", "/api/v1/notifications/deliveries/" + delivery + "/requeue", "Authorization", this.admin)
			.statusCode()).as("only dead letters are re-queued").isEqualTo(409);
	}

	@Test
	void theDailyDigestGoesOnceToEachUserWithSomethingToReportAndToNobodyElse() throws Exception {
		String password = user("digest.owner", "AGENT", "digest.owner@example.com");
		user("digest.idle", "AGENT", "digest.idle@example.com");
		LocalDate day = LocalDate.of(2026, 3, 2);
		assertThat(this.digest.send(day)).isEqualTo(1);
		assertThat(this.digest.send(day)).as("once a day").isZero();
		this.dispatch.dispatchDue();

		JsonNode inbox = json(get("/api/v1/inbox", "digest.owner", password));
		assertThat(inbox.at("/entries/0/kind").asString()).isEqualTo("digest.daily");
		assertThat(inbox.at("/entries/0/body").asString()).contains("我的预警", "• 【一级】一级预警 2 条，其中逾期 1 条");
		List<MimeMessage> mails = mailTo("digest.owner@example.com");
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).getSubject()).isEqualTo("【ChurnGuard·通知】每日摘要（2026-03-02）");
		assertThat(mailTo("digest.idle@example.com")).isEmpty();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from notification_delivery d join notification n on n.id = d.notification_id "
						+ "where n.kind = 'digest.daily' and d.channel = 'webhook'",
				Long.class))
			.as("a digest is personal: never to a group")
			.isZero();
	}

	@Test
	void anAdministratorAddsAWebhookInTheBrowserAndItsTestMessageArrivesSigned() throws Exception {
		try (Browser browser = Browser.open(this.port)) {
			browser.signIn("admin", this.adminPassword);
			browser.find("main h1");
			browser.go("/notifications/webhooks");
			assertThat(browser.find("main h1").getText()).isEqualTo("通知渠道");
			browser.type("#create-webhook input[name=name]", "浏览器添加")
				.click("#create-webhook select[name=type] option[value=generic]")
				.type("#create-webhook input[name=url]", RECEIVERS.url("/generic/browser"))
				.type("#create-webhook input[name=secret]", Receivers.GENERIC_SECRET)
				.type("#create-webhook input[name=kinds]", "warning.*, test.browser")
				.click("#create-webhook input[name=levels][value=I]")
				.click("#create-webhook button[type=submit]");
			assertThat(browser.find(".alert.ok").getText()).isEqualTo("已添加通知渠道。");
			assertThat(browser.find("#webhooks").getText()).contains("浏览器添加", "通用 Webhook（JSON）", "已设置",
					"warning.*, test.browser", "I");

			long id = this.jdbc.queryForObject("select id from webhook where name = '浏览器添加'", Long.class);
			browser.click("tr[data-id='" + id + "'] form[action$='/test'] button");
			assertThat(browser.waitForText(".alert.ok", "测试消息已送达。")).isEqualTo("测试消息已送达。");
			Receivers.Received sample = only("/generic/browser");
			assertThat(sample.signatureValid()).isTrue();
			assertThat(sample.json().get("title").asString()).isEqualTo("ChurnGuard 测试消息");
			assertThat(browser.text()).doesNotContain(Receivers.GENERIC_SECRET);
		}
	}

	private static Notification warning(String recipient, String kind, String key) {
		return Notification.to(recipient)
			.kind(kind)
			.level(NotificationLevel.I)
			.title("客户 C00012 流失风险高", "Customer C00012 is likely to churn")
			.body("近三个月通话量下降 62%，上周投诉 2 次。", "Calls fell 62% over three months; 2 complaints last week.")
			.link("/warnings/7")
			.fact("客户", "Customer", "C00012")
			.fact("流失概率", "Churn probability", "0.87")
			.region("广东")
			.key(key)
			.build();
	}

	private String user(String username, String role, String email) {
		HttpResponse<String> created = this.api.postJson(
				"/api/v1/users", "{\"username\":\"" + username + "\",\"displayName\":\"" + username + "\",\"role\":\""
						+ role + "\"" + ((email != null) ? ",\"email\":\"" + email + "\"" : "") + "}",
				"Authorization", this.admin);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json(created).get("initialPassword").asString();
	}

	private void createWebhook(String name, String type, String url, String secret, String locale) {
		createWebhook(name, type, url, secret, locale, "test.format");
	}

	private void createWebhook(String name, String type, String url, String secret, String locale, String kind) {
		String body = "{\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"url\":\"" + url + "\","
				+ ((secret != null) ? "\"secret\":\"" + secret + "\"," : "") + "\"kinds\":[\"" + kind
				+ "\"],\"levels\":[\"I\",\"II\"],\"regions\":[\"广东\"],\"locale\":\"" + locale + "\"}";
		HttpResponse<String> created = this.api.postJson("/api/v1/webhooks", body, "Authorization", this.admin);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.body()).doesNotContain("\"secret\":");
	}

	private static Receivers.Received only(String path) {
		List<Receivers.Received> received = RECEIVERS.at(path);
		assertThat(received).as(path).hasSize(1);
		return received.get(0);
	}

	private Instant nextAttempt(long delivery) {
		return this.jdbc
			.queryForObject("select next_attempt_at from notification_delivery where id = ?", java.sql.Timestamp.class,
					delivery)
			.toInstant();
	}

	private HttpResponse<String> get(String path, String username, String password) {
		return this.api.get(path, "Authorization", Http.basic(username, password));
	}

	private HttpResponse<String> post(String path, String username, String password) {
		return this.api.send("POST", path, "Authorization", Http.basic(username, password));
	}

	private static JsonNode json(HttpResponse<String> response) {
		return Receivers.JSON.readTree(response.body());
	}

	private static List<MimeMessage> mailTo(String address) throws Exception {
		List<MimeMessage> found = new java.util.ArrayList<>();
		for (MimeMessage message : MAIL.getReceivedMessages()) {
			Address[] to = message.getAllRecipients();
			if (to != null && Arrays.stream(to).anyMatch(a -> a.toString().equals(address))) {
				found.add(message);
			}
		}
		return found;
	}

	/** The plain text and HTML alternatives of a message. */
	private static String[] parts(MimeMessage message) throws Exception {
		String[] out = new String[2];
		collect(message.getContent(), out);
		return out;
	}

	private static void collect(Object content, String[] out) throws Exception {
		if (content instanceof MimeMultipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				var part = multipart.getBodyPart(i);
				if (part.isMimeType("text/plain")) {
					out[0] = part.getContent().toString();
				}
				else if (part.isMimeType("text/html")) {
					out[1] = part.getContent().toString();
				}
				else {
					collect(part.getContent(), out);
				}
			}
		}
	}

	/** A contributor with something to report for one user only. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Digest {

		@Bean
		DigestContributor testWarnings() {
			return new DigestContributor() {

				@Override
				public Text heading() {
					return Text.of("我的预警", "My warnings");
				}

				@Override
				public List<DigestLine> linesFor(Actor user, LocalDate day) {
					return "digest.owner".equals(user.username())
							? List.of(new DigestLine(Text.of("一级预警 2 条，其中逾期 1 条", "2 level I warnings, 1 overdue"),
									NotificationLevel.I))
							: List.of();
				}

			};
		}

	}

}
