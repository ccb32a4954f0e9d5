package io.churnguard.ml.sim;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.churnguard.ml.event.EventType;
import io.churnguard.ml.sim.SimulationFiles.EventRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator writes exactly the formats of docs/data-formats.md. */
class FileFormatTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}");

	private static final Pattern ID_CARD = Pattern.compile("[0-9]{17}[0-9X]");

	private final Path telecom = SimulatedCompanies.of(Preset.TELECOM);

	@Test
	void everyFileHasTheDocumentedColumnsInTheDocumentedOrder() {
		DataFormatsDoc doc = DataFormatsDoc.load();
		assertThat(SimulationFiles.header(this.telecom.resolve("customers.csv")))
			.isEqualTo(doc.columns("customers.csv"));
		assertThat(SimulationFiles.header(this.telecom.resolve("events.csv"))).isEqualTo(doc.columns("events.csv"));
		assertThat(SimulationFiles.header(this.telecom.resolve("truth.csv"))).isEqualTo(doc.columns("truth.csv"));
		assertThat(SimulationFiles.header(this.telecom.resolve("treatments.csv")))
			.isEqualTo(doc.columns("treatments.csv"));
	}

	@Test
	void everyEventUsesTheSharedVocabularyAndCarriesAJsonObjectOfStrings() throws Exception {
		Map<String, Set<String>> vocabulary = DataFormatsDoc.load().eventVocabulary();
		for (EventType type : EventType.values()) {
			assertThat(vocabulary).containsKey(type.code());
		}
		Map<String, Set<String>> seen = new HashMap<>();
		Set<String> attributes = new HashSet<>();
		for (Preset preset : Preset.values()) {
			SimulationFiles.events(SimulatedCompanies.of(preset), (event) -> {
				seen.computeIfAbsent(event.type(), (t) -> new HashSet<>()).add(event.subtype());
				if (!event.attributes().isEmpty()) {
					attributes.add(event.attributes());
				}
			});
		}
		seen.forEach((type, subtypes) -> {
			assertThat(vocabulary).containsKey(type);
			if (!type.equals("custom")) {
				assertThat(vocabulary.get(type)).as(type).containsAll(subtypes);
			}
		});
		assertThat(seen.keySet()).contains("usage", "bill", "payment", "order", "complaint", "contact", "digital",
				"plan_change", "churn");
		for (String field : attributes) {
			assertThat(field).startsWith("\"{").endsWith("}\"");
			JsonNode json = JSON.readTree(field.substring(1, field.length() - 1).replace("\"\"", "\""));
			assertThat(json.isObject()).as(field).isTrue();
			json.properties().forEach((entry) -> assertThat(entry.getValue().isTextual()).as(field).isTrue());
		}
	}

	@Test
	void eventsAreOrderedByCustomerThenTimeWithUniqueIds() {
		Set<String> customers = SimulationFiles.customers(this.telecom).keySet();
		Set<String> ids = new HashSet<>();
		List<String> problems = new ArrayList<>();
		String[] previous = { "", "" };
		SimulationFiles.events(this.telecom, (event) -> {
			int order = event.customerId().compareTo(previous[0]);
			// Plain checks per event and one assertion at the end: millions of events.
			if (!ids.add(event.eventId()) || !event.eventId().startsWith(event.customerId() + "-")
					|| !customers.contains(event.customerId()) || order < 0
					|| (order == 0 && compareTimes(event, previous[1]) < 0)) {
				problems.add(event.eventId());
			}
			previous[0] = event.customerId();
			previous[1] = event.date() + "/" + event.secondOfDay();
		});
		assertThat(problems).isEmpty();
		assertThat(ids).hasSizeGreaterThan(SimulatedCompanies.CUSTOMERS * 100);
	}

	private static int compareTimes(EventRow event, String previous) {
		String[] parts = previous.split("/");
		int byDate = event.date().compareTo(LocalDate.parse(parts[0]));
		return (byDate != 0) ? byDate : Integer.compare(event.secondOfDay(), Integer.parseInt(parts[1]));
	}

	@Test
	void identityFieldsLookReal() {
		Set<String> phones = new HashSet<>();
		SimulationFiles.customers(this.telecom).values().forEach((row) -> {
			assertThat(row.get("phone")).matches(PHONE);
			assertThat(phones.add(row.get("phone"))).as("unique phone").isTrue();
			String idCard = row.get("id_card");
			assertThat(idCard).matches(ID_CARD);
			assertThat(idCard.charAt(17)).isEqualTo(PersonalNumbers.checkCharacter(idCard));
			assertThat(idCard.substring(6, 10)).isEqualTo(row.get("birth_year"));
			assertThat((idCard.charAt(16) - '0') % 2 == 1).isEqualTo(row.get("gender").equals("M"));
			assertThat(row.get("name").length()).isBetween(2, 4);
			assertThat(row.get("email")).matches("|[a-z0-9]+@[a-z0-9.]+");
			assertThat(row.get("owner")).matches("agent_[a-z]{2}_[0-9]{2}");
			assertThat(row.get("team")).matches("(华北|东北|华东|华中|华南|西南|西北)[一二]组");
			assertThat(row.get("monthly_fee")).matches("[0-9]+\\.[0-9]{2}");
		});
	}

	@Test
	void everyChurnerHasOneChurnEventOnTheirChurnDateAndNothingAfterIt() {
		Map<String, Map<String, String>> customers = SimulationFiles.customers(this.telecom);
		Map<String, EventRow> churnEvents = new HashMap<>();
		Map<String, EventRow> lastEvents = new HashMap<>();
		SimulationFiles.events(this.telecom, (event) -> {
			if (event.type().equals("churn")) {
				assertThat(churnEvents.put(event.customerId(), event)).isNull();
			}
			lastEvents.put(event.customerId(), event);
		});
		var truth = SimulationFiles.truth(this.telecom);
		customers.forEach((id, row) -> {
			boolean churned = row.get("status").equals("churned");
			assertThat(churnEvents.containsKey(id)).as(id).isEqualTo(churned);
			assertThat(truth.get(id).churnDate() != null).isEqualTo(churned);
			if (churned) {
				EventRow churn = churnEvents.get(id);
				assertThat(churn.date()).isEqualTo(LocalDate.parse(row.get("churn_date")));
				assertThat(churn.date()).isEqualTo(truth.get(id).churnDate());
				assertThat(churn.subtype()).isEqualTo(row.get("churn_reason")).isIn("port_out", "closure");
				assertThat(lastEvents.get(id)).isEqualTo(churn);
				assertThat(truth.get(id).probability90()).isNaN();
			}
			else {
				assertThat(row.get("churn_date")).isEmpty();
				assertThat(truth.get(id).probability90()).isBetween(0.0, 1.0);
			}
		});
	}

	@Test
	void theSummarySerialisesToTheJsonTheCommandLinePrints() throws Exception {
		JsonNode json = JSON.valueToTree(SimulatedCompanies.summary(Preset.TELECOM));
		assertThat(json.get("customers").asInt()).isEqualTo(SimulatedCompanies.CUSTOMERS);
		assertThat(json.get("events").asLong()).isPositive();
		assertThat(json.get("churners").asLong()).isPositive();
		assertThat(json.get("monthlyChurnRate").asDouble()).isBetween(0.01, 0.03);
		assertThat(List.of("preset", "seed", "months", "startDate", "endDate", "treatments"))
			.allSatisfy((field) -> assertThat(json.has(field)).as(field).isTrue());
	}

}
