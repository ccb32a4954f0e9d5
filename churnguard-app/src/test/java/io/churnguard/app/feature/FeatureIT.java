package io.churnguard.app.feature;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.churnguard.app.ingest.ImportChannel;
import io.churnguard.app.ingest.ImportKind;
import io.churnguard.app.ingest.ImportRequest;
import io.churnguard.app.ingest.Imports;
import io.churnguard.app.support.ChurnGuardIT;
import io.churnguard.app.support.Http;
import io.churnguard.app.support.SampleFiles;
import io.churnguard.app.support.TestWorkspace;
import io.churnguard.ml.event.CsvError;
import io.churnguard.ml.event.CustomerAttributes;
import io.churnguard.ml.feature.BatchFeatureRunner;
import io.churnguard.ml.feature.EventSource;
import io.churnguard.ml.feature.FeatureTable;
import io.churnguard.ml.feature.FeatureVector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@ChurnGuardIT
class FeatureIT {

	static final LocalDate AS_OF = LocalDate.of(2025, 4, 1);

	@Autowired
	Imports imports;

	@Autowired
	CustomerFeatures features;

	@Autowired
	ArchiveEvents archive;

	@Autowired
	FeatureCatalog catalog;

	@LocalServerPort
	int port;

	@Value("${churnguard.admin-password}")
	String adminPassword;

	Path events;

	@BeforeEach
	void load() {
		Path dir = TestWorkspace.newDirectory();
		this.imports.run(new ImportRequest(ImportKind.CUSTOMERS,
				SampleFiles.customers(dir.resolve("c.csv"), "F", 40, StandardCharsets.UTF_8), null, null, null, "test",
				ImportChannel.CLI), null);
		this.events = SampleFiles.events(dir.resolve("e.csv"), "F", 40, 120);
		this.imports.run(new ImportRequest(ImportKind.EVENTS, this.events, null, null, null, "test", ImportChannel.CLI),
				null);
	}

	@Test
	void featuresFromTheDatabaseEqualFeaturesFromTheSameEventsInAFile() throws Exception {
		BatchFeatureRunner runner = new BatchFeatureRunner(this.catalog.plan(), 2);
		Map<String, CustomerAttributes> attributes = this.archive.attributes(null);
		List<CsvError> rejected = new ArrayList<>();
		FeatureTable fromFile = runner.asOf(EventSource.csv(this.events, rejected::add),
				ArchiveEvents.lookup(attributes), AS_OF);
		FeatureTable fromDatabase = runner.asOf(this.archive.events(null, AS_OF), ArchiveEvents.lookup(attributes),
				AS_OF);
		assertThat(rejected).isEmpty();
		List<String> fileCustomers = new ArrayList<>();
		for (int row = 0; row < fromFile.rowCount(); row++) {
			if (fromFile.customerId(row).startsWith("F")) {
				fileCustomers.add(fromFile.customerId(row));
			}
		}
		assertThat(fileCustomers).hasSize(40);
		for (String name : this.catalog.featureSet().numericNames()) {
			double[] file = fromFile.column(name);
			double[] database = fromDatabase.column(name);
			for (int row = 0; row < fromFile.rowCount(); row++) {
				int dbRow = rowOf(fromDatabase, fromFile.customerId(row));
				assertThat(Double.valueOf(database[dbRow])).as(name + " of " + fromFile.customerId(row))
					.isEqualTo(Double.valueOf(file[row]));
			}
		}
	}

	@Test
	void theWholeLogStreamDeliversTheSameEventsAsTheCursorOfItsCustomers() throws Exception {
		// Batch runs read the whole log as binary COPY, real time reads customers through
		// a cursor: both must decode every field alike (missing amounts and quantities,
		// empty subtypes, times to the microsecond), with and without a first day.
		List<String> ids = new ArrayList<>(this.archive.attributes(null).keySet());
		for (LocalDate from : java.util.Arrays.asList(null, AS_OF.minusDays(40))) {
			List<String> whole = new ArrayList<>();
			this.archive.events(null, from, AS_OF)
				.read((id, time, type, subtype, amount, quantity) -> whole
					.add(id + "|" + time + "|" + type + "|" + subtype + "|" + amount + "|" + quantity));
			List<String> cursor = new ArrayList<>();
			this.archive.events(ids, from, AS_OF)
				.read((id, time, type, subtype, amount, quantity) -> cursor
					.add(id + "|" + time + "|" + type + "|" + subtype + "|" + amount + "|" + quantity));
			// In any order: events of one customer at the same instant may come either
			// way.
			assertThat(whole).as("from " + from).isNotEmpty().containsExactlyInAnyOrderElementsOf(cursor);
			assertThat(whole).anyMatch(line -> line.endsWith("|NaN"));
		}
	}

	@Test
	void oneCustomersFeaturesMatchTheBatchRunAndReadInBothLanguages() throws Exception {
		FeatureVector single = this.features.asOf("F00007", AS_OF).orElseThrow();
		FeatureTable batch = new BatchFeatureRunner(this.catalog.plan(), 1).asOf(
				this.archive.events(List.of("F00007"), AS_OF), ArchiveEvents.lookup(this.archive.attributes(null)),
				AS_OF);
		assertThat(single.value("usage_voice_30d")).isCloseTo(batch.column("usage_voice_30d")[0], within(1e-9));
		assertThat(single.value("tenure_months")).isPositive();
		assertThat(single.describe("usage_voice_30d", java.util.Locale.SIMPLIFIED_CHINESE)).contains("近30天");
		assertThat(single.describe("usage_voice_30d", java.util.Locale.ENGLISH)).contains("30 days");
		assertThat(this.features.asOf("NOBODY", AS_OF)).isEmpty();
	}

	@Test
	void theCatalogueListsEveryFeatureInTheUsersLanguage() {
		Http browser = Http.console(this.port);
		browser.login("admin", this.adminPassword);
		String page = browser.get("/features").body();
		assertThat(page).contains("特征目录", "usage_voice_30d_change", "近30天通话时长").doesNotContain("??");
		String api = Http.api(this.port)
			.get("/api/v1/features?lang=en", "Authorization", Http.basic("admin", this.adminPassword))
			.body();
		assertThat(api).contains("\"name\":\"complaints_30d\"", "\"direction\":\"more_trouble\"");
		assertThat(this.catalog.featureSet().size()).isGreaterThanOrEqualTo(40);
	}

	private static int rowOf(FeatureTable table, String customerId) {
		for (int row = 0; row < table.rowCount(); row++) {
			if (table.customerId(row).equals(customerId)) {
				return row;
			}
		}
		throw new AssertionError("no row for " + customerId);
	}

}
