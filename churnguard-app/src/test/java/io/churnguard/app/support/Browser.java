package io.churnguard.app.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromedriver. Flags keep it off the network:
 * this machine has none, and Chromium's background services would otherwise retry
 * connections.
 */
public final class Browser implements AutoCloseable {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private final WebDriver driver;

	private final String base;

	private final Path profile;

	private Browser(WebDriver driver, String base, Path profile) {
		this.driver = driver;
		this.base = base;
		this.profile = profile;
	}

	/**
	 * Opens a browser; the test is skipped where Chromium is not installed (.ci/run
	 * installs it).
	 */
	public static Browser open(int port) throws java.io.IOException {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Debian's chromium and chromium-driver are not installed");
		Path profile = Files.createTempDirectory("chromium-profile");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1400,1000", "--lang=zh-CN", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new Browser(new ChromeDriver(service, options), "http://localhost:" + port, profile);
	}

	public Browser go(String path) {
		this.driver.get(this.base + path);
		return this;
	}

	public WebElement find(String css) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	/**
	 * Waits until an element shows a text. After a form posts, the page being replaced
	 * may still show an element of the same kind (the previous message), which
	 * {@link #find} would return and which goes stale as the new page arrives.
	 * @param css the element
	 * @param text the text it must contain
	 * @return the element's text then
	 */
	public String waitForText(String css, String text) {
		new WebDriverWait(this.driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
		return find(css).getText();
	}

	public Browser type(String css, String text) {
		WebElement element = find(css);
		element.clear();
		element.sendKeys(text);
		return this;
	}

	public Browser click(String css) {
		find(css).click();
		return this;
	}

	public Browser clickLink(String text) {
		new WebDriverWait(this.driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.elementToBeClickable(By.linkText(text)))
			.click();
		return this;
	}

	public String text() {
		return this.driver.findElement(By.tagName("body")).getText();
	}

	public String title() {
		return this.driver.getTitle();
	}

	public String url() {
		return this.driver.getCurrentUrl();
	}

	/** Saves what the browser shows as a PNG, for a person to look at. */
	public Browser screenshot(Path file) throws java.io.IOException {
		Files.createDirectories(file.getParent());
		Files.write(file, ((org.openqa.selenium.TakesScreenshot) this.driver)
			.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
		return this;
	}

	public void signIn(String username, String password) {
		go("/login").type("#username", username).type("#password", password).click("#login-submit");
	}

	@Override
	public void close() {
		this.driver.quit();
		try (java.util.stream.Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
		}
		catch (java.io.IOException ex) {
			// a leftover profile in the temp directory is harmless
		}
	}

}
