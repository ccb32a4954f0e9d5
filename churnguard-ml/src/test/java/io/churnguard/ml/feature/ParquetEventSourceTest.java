package io.churnguard.ml.feature;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.churnguard.ml.event.CsvReadResult;
import io.churnguard.ml.event.CustomerAttributes;
import io.churnguard.ml.event.CustomerCsvReader;
import io.churnguard.ml.event.Event;
import io.churnguard.ml.event.EventCsvReader;
import io.churnguard.ml.event.EventParquetReader;
import io.churnguard.ml.event.EventType;
import io.churnguard.ml.event.ParquetError;
import io.churnguard.ml.sim.Preset;
import io.churnguard.ml.sim.SimulationConfig;
import io.churnguard.ml.sim.SimulationSummary;
import io.churnguard.ml.sim.Simulator;
import io.churnguard.ml.testing.ParquetFiles;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class ParquetEventSourceTest {

	private static final FeaturePlan PLAN = FeaturePlan.compile(FeatureSet.defaults());

	private static final LocalDateTime NINE = LocalDateTime.of(2025, 6, 1, 9, 0);

	@TempDir
	Path directory;

	@Test
	void featuresFromASimulatedCompanysParquetEventsEqualThoseFromItsEventsCsvExactly() throws IOException {
		SimulationSummary summary = Simulator.run(SimulationConfig.of(Preset.TELECOM, 150, 4, 11), this.directory);
		Path csv = this.directory.resolve("events.csv");
		CsvReadResult<Event> read = EventCsvReader.readAll(csv);
		assertThat(read.errors()).isEmpty();
		List<Event> sorted = new ArrayList<>(read.rows());
		sorted.sort(Comparator.comparing(Event::customerId).thenComparing(Event::time));
		Path parquet = this.directory.resolve("events.parquet");
		ParquetFiles.writeEvents(parquet, sorted, CompressionCodecName.SNAPPY, 64 * 1024);
		int[] lastRowGroup = { 0 };
		EventParquetReader.read(parquet, EventParquetReader.DEFAULT_ZONE,
				(rowGroup, row, event) -> lastRowGroup[0] = rowGroup, (error) -> {
				});
		assertThat(lastRowGroup[0]).as("the file has several row groups").isGreaterThanOrEqualTo(2);
		Map<String, CustomerAttributes> customers = new HashMap<>();
		CustomerCsvReader.readAll(this.directory.resolve("customers.csv"))
			.rows()
			.forEach((customer) -> customers.put(customer.customerId(), customer));
		List<Object> errors = new ArrayList<>();
		BatchFeatureRunner runner = new BatchFeatureRunner(PLAN, 2);
		LocalDate end = LocalDate.parse(summary.endDate());

		for (LocalDate asOf : List.of(end.minusDays(45), end)) {
			FeatureTable fromCsv = runner.asOf(EventSource.csv(csv, errors::add), customers::get, asOf);
			FeatureTable fromParquet = runner.asOf(EventSource.parquet(parquet, errors::add), customers::get, asOf);

			assertThat(fromParquet.rowCount()).isEqualTo(fromCsv.rowCount()).isGreaterThan(100);
			for (int row = 0; row < fromCsv.rowCount(); row++) {
				assertThat(fromParquet.customerId(row)).isEqualTo(fromCsv.customerId(row));
				assertThat(bits(fromParquet.numericRow(row))).as(fromCsv.customerId(row))
					.containsExactly(bits(fromCsv.numericRow(row)));
				assertThat(fromParquet.categoricalRow(row)).containsExactly(fromCsv.categoricalRow(row));
			}
			assertThat(csv(fromParquet)).isEqualTo(csv(fromCsv));
		}
		assertThat(errors).isEmpty();
	}

	@Test
	void badRowsAreReportedAndTheRestScoredAsFromTheSameCsv() throws IOException {
		Path file = this.directory.resolve("events.parquet");
		ParquetFiles.write(file, ParquetFiles.EVENTS, CompressionCodecName.ZSTD, 1024 * 1024, (out) -> {
			out.row((row) -> event(row, "E2", "C1", NINE.plusDays(1), "complaint", "billing"));
			out.row((row) -> event(row, "E4", "C1", NINE.plusDays(3), "complaint", "nonsense"));
			out.row((row) -> event(row, "E5", "C1", NINE.plusDays(4), "grumble", ""));
			out.row((row) -> event(row, "E1", "C2", NINE, "complaint", "network"));
			out.row((row) -> event(row, "E3", "C2", NINE.plusDays(2), "complaint", "service"));
		});
		List<ParquetError> errors = new ArrayList<>();

		FeatureTable table = new BatchFeatureRunner(PLAN, 1).asOf(EventSource.parquet(file, errors::add), (id) -> null,
				LocalDate.of(2025, 6, 10));

		assertThat(table.rowCount()).isEqualTo(2);
		assertThat(table.customerId(0)).isEqualTo("C1");
		assertThat(table.column("complaints_30d")).containsExactly(2, 2);
		assertThat(table.column("complaints_network_90d")).containsExactly(0, 1);
		assertThat(errors).map(ParquetError::toString)
			.containsExactly("row group 0, row 2, column event_type, value 'grumble': unknown event type");
	}

	@Test
	void aFileNotSortedByCustomerStopsTheRunNamingTheFirstRowOutOfOrder() throws IOException {
		Path file = this.directory.resolve("unsorted.parquet");
		ParquetFiles.write(file, ParquetFiles.EVENTS, CompressionCodecName.UNCOMPRESSED, 1024 * 1024, (out) -> {
			out.row((row) -> event(row, "E1", "C1", NINE, "usage", "voice"));
			out.row((row) -> event(row, "E2", "C2", NINE, "usage", "voice"));
			out.row((row) -> event(row, "E3", "C1", NINE.plusDays(1), "usage", "voice"));
		});
		BatchFeatureRunner runner = new BatchFeatureRunner(PLAN, 1);

		assertThatIOException().isThrownBy(() -> runner.asOf(EventSource.parquet(file, (e) -> {
		}), (id) -> null, LocalDate.of(2025, 7, 1)))
			.withMessageContaining("unsorted.parquet is not sorted by customer_id, then event_time")
			.withMessageContaining("row group 0, row 2: customer C1 comes after customer C2");
	}

	@Test
	void aCustomersEventsOutOfTimeOrderStopTheRun() throws IOException {
		Path file = this.directory.resolve("late.parquet");
		ParquetFiles.write(file, ParquetFiles.EVENTS, CompressionCodecName.UNCOMPRESSED, 1024 * 1024, (out) -> {
			out.row((row) -> event(row, "E1", "C1", NINE.plusHours(2), "usage", "voice"));
			out.row((row) -> event(row, "E2", "C1", NINE, "usage", "voice"));
		});

		assertThatIOException().isThrownBy(() -> EventSource.parquet(file, (e) -> {
		}).read((customer, time, type, subtype, amount, quantity) -> {
		}))
			.withMessageContaining("row group 0, row 1: customer C1's event at 2025-06-01T09:00 comes after one at "
					+ "2025-06-01T11:00");
	}

	@Test
	void eventsOfTheSameTimeKeepTheirFileOrderAsTheCsvSourceKeepsThem() throws IOException {
		Path file = this.directory.resolve("ties.parquet");
		ParquetFiles.write(file, ParquetFiles.EVENTS, CompressionCodecName.UNCOMPRESSED, 1024 * 1024, (out) -> {
			out.row((row) -> event(row, "E1", "C1", NINE, "usage", "data"));
			out.row((row) -> event(row, "E2", "C1", NINE, "usage", "voice"));
		});
		List<String> subtypes = new ArrayList<>();

		EventSource.parquet(file, (e) -> {
		}).read((customer, time, type, subtype, amount, quantity) -> subtypes.add(subtype));

		assertThat(subtypes).containsExactly("data", "voice");
	}

	private static void event(org.apache.parquet.example.data.Group row, String id, String customer, LocalDateTime time,
			String type, String subtype) {
		row.append("event_id", id)
			.append("customer_id", customer)
			.append("event_time", ParquetFiles.micros(time))
			.append("event_type", type);
		if (!subtype.isEmpty()) {
			row.append("subtype", subtype);
		}
		if (EventType.USAGE.code().equals(type)) {
			row.append("quantity", 3.5);
		}
	}

	private static long[] bits(double[] values) {
		long[] bits = new long[values.length];
		for (int i = 0; i < values.length; i++) {
			bits[i] = Double.doubleToRawLongBits(values[i]);
		}
		return bits;
	}

	private static String csv(FeatureTable table) throws IOException {
		StringWriter out = new StringWriter();
		table.writeCsv(out);
		return out.toString();
	}

}
