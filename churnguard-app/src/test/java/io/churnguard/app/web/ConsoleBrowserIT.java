package io.churnguard.app.web;

import io.churnguard.app.support.Browser;
import io.churnguard.app.support.ChurnGuardIT;
import io.churnguard.app.support.Http;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The console in a real browser, as a new user meets it. */
@ChurnGuardIT
class ConsoleBrowserIT {

	@LocalServerPort
	int port;

	@Value("${churnguard.admin-password}")
	String adminPassword;

	@Test
	void aNewUserSeesChineseSignsInAndSwitchesToEnglish() throws Exception {
		try (Browser browser = Browser.open(this.port)) {
			browser.go("/");
			assertThat(browser.url()).endsWith("/login");
			assertThat(browser.title()).startsWith("登录");
			assertThat(browser.text()).contains("客户流失预警与挽留平台", "用户名", "密码");

			browser.type("#username", "admin").type("#password", this.adminPassword).click("#login-submit");
			browser.find("main h1");
			assertThat(browser.text()).contains("概览", "系统管理员", "24小时内失败登录").doesNotContain("??");

			browser.clickLink("English");
			browser.find("main h1");
			assertThat(browser.text()).contains("Overview", "Administrator", "Failed sign-ins in 24 h");

			browser.go("/security/audit");
			assertThat(browser.find("main h1").getText()).isEqualTo("Audit log");
			browser.click("#verify-chain");
			assertThat(browser.find("#verification").getText()).contains("intact");
			assertThat(browser.find("#login-chart canvas").isDisplayed()).as("ECharts drew the login chart").isTrue();
		}
	}

	@Test
	void fiveWrongPasswordsInTheBrowserShowThatTheAccountIsLocked() throws Exception {
		Http api = Http.api(this.port);
		String created = api
			.postJson("/api/v1/users", "{\"username\":\"browser.lock\",\"displayName\":\"王芳\",\"role\":\"AGENT\"}",
					"Authorization", Http.basic("admin", this.adminPassword))
			.body();
		assertThat(created).contains("initialPassword");
		try (Browser browser = Browser.open(this.port)) {
			for (int attempt = 1; attempt <= 4; attempt++) {
				browser.signIn("browser.lock", "wrong-password-" + attempt);
				assertThat(browser.find("#login-error").getText()).isEqualTo("用户名或密码错误。");
			}
			browser.signIn("browser.lock", "wrong-password-5");
			assertThat(browser.find("#login-error").getText()).contains("账户已被锁定", "联系系统管理员");
		}
	}

}
