package io.churnguard.ml.event;

import java.io.StringReader;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventCsvReaderTest {

	private static final String HEADER = "event_id,customer_id,event_time,event_type,subtype,amount,quantity,attributes";

	private final List<Event> events = new ArrayList<>();

	private final List<CsvError> errors = new ArrayList<>();

	private long[] read(String csv) throws Exception {
		return EventCsvReader.read(new StringReader(csv), this.events::add, this.errors::add);
	}

	@Test
	void aFileAsExcelWritesItIsRead() throws Exception {
		String csv = "\uFEFF" + HEADER + "\r\n"
				+ "E1,C1,2025-03-14T10:22:05,complaint,network,,,\"{\"\"category\"\":\"\"网络\"\",\"\"text\"\":\"\"信号差, 掉线\"\"}\"\r\n"
				+ "E2,C1,2025-03-15 08:00:00,USAGE,Voice,,12.5,\r\n";
		assertThat(read(csv)).containsExactly(2, 0);
		assertThat(this.errors).isEmpty();
		Event complaint = this.events.get(0);
		assertThat(complaint.type()).isEqualTo(EventType.COMPLAINT);
		assertThat(complaint.attributes()).containsEntry("category", "网络").containsEntry("text", "信号差, 掉线");
		assertThat(complaint.hasAmount()).isFalse();
		Event usage = this.events.get(1);
		assertThat(usage.time()).isEqualTo(LocalDateTime.of(2025, 3, 15, 8, 0));
		assertThat(usage.subtype()).isEqualTo("voice");
		assertThat(usage.quantity()).isEqualTo(12.5);
	}

	@Test
	void everyErrorOfEveryBadRowIsReportedWithItsLineColumnAndValue() throws Exception {
		String csv = HEADER + "\n" + "E1,C1,2025-03-14T10:22:05,usage,voice,,3,\n"
				+ "E2,,14/03/2025,teleport,,abc,Infinity,[1]\n" + "E3,C2,2025-03-14T10:22:05,payment,late,99\n"
				+ "E4,C3,2025-03-16T00:00:00,payment,on_time,99,0,\n";
		assertThat(read(csv)).containsExactly(4, 2);
		assertThat(this.events).extracting(Event::eventId).containsExactly("E1", "E4");
		assertThat(this.errors).extracting(CsvError::toString)
			.containsExactly("line 3, column customer_id, value '': required value missing",
					"line 3, column event_time, value '14/03/2025': not a date-time (yyyy-MM-ddTHH:mm:ss)",
					"line 3, column event_type, value 'teleport': unknown event type",
					"line 3, column amount, value 'abc': not a decimal number",
					"line 3, column quantity, value 'Infinity': not a decimal number",
					"line 3, column attributes, value '[1]': not a JSON object",
					"line 4, column -, value '6': expected 8 fields, found 6");
	}

	@Test
	void aHeaderWithoutARequiredColumnIsRejectedNamingIt() throws Exception {
		read("event_id,customer_id,event_type\nE1,C1,usage\n");
		assertThat(this.events).isEmpty();
		assertThat(this.errors).extracting(CsvError::column).containsExactly("event_time");
	}

	@Test
	void aQuotedFieldMaySpanLinesAndLineNumbersFollowTheFile() throws Exception {
		String csv = HEADER + "\n"
				+ "E1,C1,2025-03-14T10:22:05,complaint,other,,,\"{\"\"text\"\":\"\"line one\nline two\"\"}\"\n"
				+ "E2,C1,bad,usage,voice,,1,\n";
		read(csv);
		assertThat(this.events.get(0).attributes().get("text")).isEqualTo("line one\nline two");
		assertThat(this.errors).extracting(CsvError::line).containsExactly(4L);
	}

	@Test
	void theImporterParsesSingleRowsThroughTheSameRules() {
		EventCsvReader reader = EventCsvReader.forHeader(List.of(HEADER.split(","))).value();
		RowResult<Event> row = reader.parse(7,
				List.of("E9", "C9", "2025-01-01T00:00:00", "order", "device", "3999", "1", ""));
		assertThat(row.isValid()).isTrue();
		assertThat(row.value().amount()).isEqualTo(3999);
	}

}
