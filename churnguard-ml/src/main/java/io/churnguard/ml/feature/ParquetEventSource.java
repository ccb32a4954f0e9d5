package io.churnguard.ml.feature;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Consumer;

import io.churnguard.ml.event.EventParquetReader;
import io.churnguard.ml.event.ParquetError;

/**
 * Streams an events Parquet file row group by row group, so a file of any size is read in
 * the memory of its largest row group. Unlike the CSV source it cannot sort, so it
 * requires the file sorted by customer, then time, and verifies it while reading: the
 * first row out of order stops the run with an {@link IOException} naming it, rather than
 * letting a customer's events split into two rows of features.
 */
final class ParquetEventSource implements EventSource {

	private final Path file;

	private final ZoneId zone;

	private final Consumer<ParquetError> rejected;

	ParquetEventSource(Path file, ZoneId zone, Consumer<ParquetError> rejected) {
		this.file = Objects.requireNonNull(file, "file");
		this.zone = Objects.requireNonNull(zone, "zone");
		this.rejected = Objects.requireNonNull(rejected, "rejected");
	}

	@Override
	public void read(Sink sink) throws IOException {
		String[] previousCustomer = { null };
		LocalDateTime[] previousTime = { null };
		EventParquetReader.read(this.file, this.zone, (rowGroup, row, event) -> {
			String customer = event.customerId();
			if (previousCustomer[0] != null) {
				int order = customer.compareTo(previousCustomer[0]);
				if (order < 0) {
					throw unsorted(rowGroup, row,
							"customer " + customer + " comes after customer " + previousCustomer[0]);
				}
				if (order == 0 && event.time().isBefore(previousTime[0])) {
					throw unsorted(rowGroup, row, "customer " + customer + "'s event at " + event.time()
							+ " comes after one at " + previousTime[0]);
				}
			}
			previousCustomer[0] = customer;
			previousTime[0] = event.time();
			sink.accept(customer, event.time(), event.type(), event.subtype(), event.amount(), event.quantity());
		}, this.rejected);
	}

	private IOException unsorted(int rowGroup, long row, String what) {
		return new IOException(this.file.getFileName() + " is not sorted by customer_id, then event_time: row group "
				+ rowGroup + ", row " + row + ": " + what + ". A Parquet source is streamed, not sorted in memory; "
				+ "write the file ordered by customer_id, event_time");
	}

}
