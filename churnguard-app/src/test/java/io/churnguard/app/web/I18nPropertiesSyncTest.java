package io.churnguard.app.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console is bilingual: every message exists in Chinese and English, and every key a
 * template names literally exists.
 */
class I18nPropertiesSyncTest {

	private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.]*)[}(]");

	@Test
	void everyChineseMessageHasAnEnglishTranslationAndViceVersa() throws IOException {
		Set<String> chinese = load("messages.properties").stringPropertyNames();
		Set<String> english = load("messages_en.properties").stringPropertyNames();
		assertThat(new TreeSet<>(english)).as("keys missing in messages_en.properties").containsAll(chinese);
		assertThat(new TreeSet<>(chinese)).as("keys missing in messages.properties").containsAll(english);
	}

	@Test
	void noMessageIsLeftEmpty() throws IOException {
		for (String file : new String[] { "messages.properties", "messages_en.properties" }) {
			Properties properties = load(file);
			assertThat(properties.stringPropertyNames()).as(file)
				.allSatisfy(key -> assertThat(properties.getProperty(key)).as(file + ": " + key).isNotBlank());
		}
	}

	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		Set<String> known = load("messages.properties").stringPropertyNames();
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
				Matcher matcher = LITERAL_KEY.matcher(Files.readString(template));
				while (matcher.find()) {
					if (!known.contains(matcher.group(1))) {
						missing.add(template.getFileName() + ": " + matcher.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = I18nPropertiesSyncTest.class.getResourceAsStream("/" + name);
				Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
