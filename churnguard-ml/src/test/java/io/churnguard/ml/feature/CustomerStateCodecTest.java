package io.churnguard.ml.feature;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.churnguard.ml.event.CustomerAttributes;
import io.churnguard.ml.event.Event;
import io.churnguard.ml.event.EventType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Stored states give back every double bit for bit, whatever form it takes — whole, in
 * cents, a sum that is neither, negative zero, huge — and refuse bytes they cannot read.
 */
class CustomerStateCodecTest {

	private static final FeaturePlan PLAN = FeaturePlan.compile(FeatureSet.defaults());

	private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

	private static final double[] AWKWARD = { 0.1, 0.2, -0.0, 7, -12.34, 1e300, Math.pow(2, 60), Double.MIN_VALUE,
			-987654.32, 0.30000000000000004, Double.NaN, 3.141592653589793, 0 };

	@Test
	void awkwardNumbersComeBackBitForBit() {
		CustomerState original = state();
		byte[] bytes = CustomerStateCodec.encode(original, (int) DAY.plusDays(40).toEpochDay());
		CustomerState decoded = PLAN.newState();
		decoded.reset("C1", attributes());
		CustomerStateCodec.decodeInto(bytes, decoded);

		assertThat(CustomerStateCodec.encode(decoded, (int) DAY.plusDays(40).toEpochDay())).isEqualTo(bytes);
		for (int later = 40; later < 200; later += 7) {
			LocalDate asOf = DAY.plusDays(later);
			double[] expected = original.evaluate(asOf).numeric();
			double[] actual = decoded.evaluate(asOf).numeric();
			assertThat(Arrays.stream(actual).mapToLong(Double::doubleToRawLongBits).toArray()).as("as of %s", asOf)
				.isEqualTo(Arrays.stream(expected).mapToLong(Double::doubleToRawLongBits).toArray());
		}
	}

	@Test
	void bucketsNoWindowCanReachAreLeftOut() {
		CustomerState state = state();
		int soon = (int) DAY.plusDays(40).toEpochDay();
		int muchLater = (int) DAY.plusDays(4000).toEpochDay();
		assertThat(CustomerStateCodec.encode(state, muchLater))
			.hasSizeLessThan(CustomerStateCodec.encode(state, soon).length);
	}

	@Test
	void bytesItCannotReadAreRefused() {
		byte[] bytes = CustomerStateCodec.encode(state(), (int) DAY.plusDays(40).toEpochDay());
		CustomerState target = PLAN.newState();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CustomerStateCodec.decodeInto(Arrays.copyOf(bytes, bytes.length - 3), target))
			.withMessageContaining("stored feature state");
		byte[] otherVersion = bytes.clone();
		otherVersion[0] = 99;
		assertThatIllegalArgumentException().isThrownBy(() -> CustomerStateCodec.decodeInto(otherVersion, target))
			.withMessageContaining("layout version 99");
		byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
		assertThatIllegalArgumentException().isThrownBy(() -> CustomerStateCodec.decodeInto(longer, target))
			.withMessageContaining("1 bytes more");
	}

	@Test
	void theLayoutChangesWithTheStreamsAndWindows() {
		assertThat(CustomerStateCodec.layout(PLAN))
			.isEqualTo(CustomerStateCodec.layout(FeaturePlan.compile(FeatureSet.defaults())))
			.hasSize(24);
		List<FeatureDefinition> all = FeatureSet.defaults().definitions();
		FeaturePlan fewer = FeaturePlan.compile(new FeatureSet("fewer", all.subList(0, all.size() / 2)));
		assertThat(fewer.streamCount()).isLessThan(PLAN.streamCount());
		assertThat(CustomerStateCodec.layout(fewer)).isNotEqualTo(CustomerStateCodec.layout(PLAN));
	}

	private static CustomerState state() {
		CustomerState state = PLAN.newState();
		state.reset("C1", attributes());
		int n = 0;
		for (int day = 0; day < 40; day++) {
			for (EventType type : new EventType[] { EventType.USAGE, EventType.PAYMENT, EventType.COMPLAINT }) {
				double amount = AWKWARD[n % AWKWARD.length];
				double quantity = AWKWARD[(n * 7 + 3) % AWKWARD.length];
				n++;
				LocalDateTime time = DAY.plusDays(day).atTime(9, n % 60);
				state.add(new Event("e" + n, "C1", time, type, (day % 2 == 0) ? "voice" : "data", amount, quantity,
						Map.of()));
				if (day % 3 == 0) {
					state.add(new Event("f" + n, "C1", time.plusHours(2), type, "voice", -amount, quantity * 2,
							Map.of()));
				}
			}
		}
		return state;
	}

	private static CustomerAttributes attributes() {
		return CustomerAttributes.of("C1", DAY.minusDays(300));
	}

}
