package io.churnguard.app.feature.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BinaryEventCopyTest {

	@Test
	void decodesEveryFieldOfPostgresBinaryCopy() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		DataOutputStream out = new DataOutputStream(bytes);
		out.write("PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1));
		out.writeInt(0);
		out.writeInt(4);
		out.writeInt(0xCAFE);
		// 2026-03-04 05:06:07.000123, amount 12.5, no quantity.
		row(out, "客户-1", micros(LocalDateTime.of(2026, 3, 4, 5, 6, 7, 123_000)), "usage", "voice", 12.5, null);
		// Before PostgreSQL's epoch: negative microseconds.
		row(out, "客户-1", micros(LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000)), "payment", "", null, 3.0);
		row(out, "C2", micros(LocalDateTime.of(2026, 3, 4, 0, 0)), "usage", "voice", -1.0, 0.5);
		out.writeShort(-1);
		List<String> events = new ArrayList<>();
		BinaryEventCopy.read(new ByteArrayInputStream(bytes.toByteArray()), (id, time, type, subtype, amount,
				quantity) -> events.add(id + "|" + time + "|" + type + "|" + subtype + "|" + amount + "|" + quantity));
		assertThat(events).containsExactly("客户-1|2026-03-04T05:06:07.000123|USAGE|voice|12.5|NaN",
				"客户-1|1999-12-31T23:59:59.999999|PAYMENT||NaN|3.0", "C2|2026-03-04T00:00|USAGE|voice|-1.0|0.5");
	}

	@Test
	void refusesAStreamInAnotherForm() {
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> BinaryEventCopy.read(
				new ByteArrayInputStream("customer_id\tevent_time\n".getBytes(StandardCharsets.UTF_8)),
				(id, time, type, subtype, amount, quantity) -> {
				}));
	}

	@Test
	void theStatementReadsARangeOfDaysInCustomerAndTimeOrder() {
		assertThat(BinaryEventCopy.statement(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1))).contains(
				"event_time < '2026-02-01'", "event_time >= '2026-01-01'", "order by customer_id, event_time",
				"(format binary)");
		assertThat(BinaryEventCopy.statement(null, LocalDate.of(2026, 2, 1))).doesNotContain(">=");
	}

	private static long micros(LocalDateTime time) {
		LocalDateTime epoch = LocalDateTime.of(2000, 1, 1, 0, 0);
		return java.time.Duration.between(epoch, time).toNanos() / 1000;
	}

	private static void row(DataOutputStream out, String id, long micros, String type, String subtype, Double amount,
			Double quantity) throws IOException {
		out.writeShort(6);
		text(out, id);
		out.writeInt(8);
		out.writeLong(micros);
		text(out, type);
		text(out, subtype);
		float8(out, amount);
		float8(out, quantity);
	}

	private static void text(DataOutputStream out, String value) throws IOException {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	private static void float8(DataOutputStream out, Double value) throws IOException {
		if (value == null) {
			out.writeInt(-1);
			return;
		}
		out.writeInt(8);
		out.writeDouble(value);
	}

}
