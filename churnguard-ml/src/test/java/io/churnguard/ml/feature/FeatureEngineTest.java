package io.churnguard.ml.feature;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.churnguard.ml.event.CustomerAttributes;
import io.churnguard.ml.event.Event;
import io.churnguard.ml.event.EventType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

class FeatureEngineTest {

	private static final LocalDate AS_OF = LocalDate.of(2025, 7, 1);

	private final FeatureSet defaults = FeatureSet.defaults();

	private final FeaturePlan plan = FeaturePlan.compile(this.defaults);

	private int sequence;

	private Event event(int daysBefore, EventType type, String subtype, double amount, double quantity) {
		LocalDateTime time = AS_OF.minusDays(daysBefore).atTime(10, 0).plusSeconds(this.sequence);
		return new Event("E" + (++this.sequence), "C1", time, type, subtype, amount, quantity, Map.of());
	}

	private CustomerAttributes customer() {
		return new CustomerAttributes("C1", AS_OF.minusDays(400), AS_OF.plusDays(20), "畅享99", 99.0, true, false, null,
				null, Map.of("grade", "B"));
	}

	private FeatureVector features(List<Event> events) {
		CustomerState state = this.plan.newState();
		state.reset("C1", customer());
		events.forEach(state::add);
		return state.evaluate(AS_OF);
	}

	@Test
	void aCustomerWhoseCallsFellHasAChangeBelowOne() {
		List<Event> events = new ArrayList<>();
		// 60 minutes a day for the 60 days before the last 30, then 20 a day.
		for (int day = 90; day >= 1; day--) {
			events.add(event(day, EventType.USAGE, "voice", Double.NaN, (day > 30) ? 60 : 20));
		}
		FeatureVector features = features(events);
		assertThat(features.value("usage_voice_30d")).isEqualTo(600);
		assertThat(features.value("usage_voice_7d")).isEqualTo(140);
		assertThat(features.value("usage_voice_90d")).isEqualTo(600 + 3600);
		assertThat(features.value("usage_voice_30d_change")).isCloseTo(1.0 / 3, within(1e-12));
		assertThat(features.value("usage_active_days_30d")).isEqualTo(30);
		assertThat(features.value("usage_voice_mean_30d")).isEqualTo(20);
		assertThat(features.value("voice_minutes_per_active_day_30d")).isEqualTo(20);
		assertThat(features.value("days_since_last_usage")).isEqualTo(1);
		assertThat(features.describe("usage_voice_30d_change", java.util.Locale.CHINA)).isEqualTo("近30天通话时长较前60天下降67%");
	}

	@Test
	void complaintsPaymentsAndLoginsAreCountedInTheirWindows() {
		List<Event> events = new ArrayList<>();
		events.add(event(200, EventType.COMPLAINT, "billing", Double.NaN, Double.NaN));
		events.add(event(100, EventType.COMPLAINT, "network", Double.NaN, Double.NaN));
		events.add(event(100, EventType.DIGITAL, "login", Double.NaN, 1));
		events.add(event(80, EventType.PAYMENT, "late", 99, 5));
		events.add(event(50, EventType.PAYMENT, "overdue", 0, 12));
		events.add(event(45, EventType.CONTACT, "hotline", Double.NaN, 8));
		events.add(event(20, EventType.COMPLAINT, "network", Double.NaN, Double.NaN));
		events.add(event(20, EventType.PLAN_CHANGE, "downgrade", 59, Double.NaN));
		events.add(event(10, EventType.PAYMENT, "on_time", 99, 0));
		FeatureVector features = features(events);
		assertThat(features.value("complaints_30d")).isEqualTo(1);
		assertThat(features.value("complaints_90d")).isEqualTo(1);
		assertThat(features.value("complaints_180d")).isEqualTo(2);
		assertThat(features.value("complaints_network_90d")).isEqualTo(1);
		assertThat(features.value("late_payments_90d")).isEqualTo(1);
		assertThat(features.value("overdue_payments_60d")).isEqualTo(1);
		assertThat(features.value("payments_180d")).isEqualTo(3);
		assertThat(features.value("late_payment_share_180d")).isCloseTo(1.0 / 3, within(1e-12));
		assertThat(features.value("payment_days_late_max_180d")).isEqualTo(12);
		assertThat(features.value("days_since_last_login")).isEqualTo(100);
		assertThat(features.value("logins_30d")).isZero();
		assertThat(features.value("contacts_90d")).isEqualTo(1);
		assertThat(features.value("complaints_per_contact_90d")).isEqualTo(1);
		assertThat(features.value("downgrades_180d")).isEqualTo(1);
		assertThat(features.value("days_since_last_complaint")).isEqualTo(20);
		assertThat(features.value("active_days_90d")).isEqualTo(5);
		assertThat(features.value("days_since_last_activity")).isEqualTo(10);
		assertThat(features.value("complaints_per_month")).isCloseTo(3 / (400 / (365.25 / 12)), within(1e-12));
	}

	@Test
	void attributesAreReadAsOfTheObservationDate() {
		FeatureVector features = features(List.of());
		assertThat(features.value("tenure_months")).isCloseTo(400 / (365.25 / 12), within(1e-12));
		assertThat(features.value("contract_days_left")).isEqualTo(20);
		assertThat(features.value("monthly_fee")).isEqualTo(99);
		assertThat(features.value("group_account")).isEqualTo(1);
		assertThat(features.category("plan")).isEqualTo("畅享99");
		assertThat(features.category("grade")).isEqualTo("B");
		assertThat(features.value("days_since_last_login")).isNaN();
		assertThat(features.value("usage_voice_mean_30d")).as("missing: 0").isZero();
		assertThat(features.value("usage_voice_30d_change")).as("nothing against nothing").isEqualTo(1);
	}

	@Test
	void aChangeIsMeasuredOnlyOverTheTenureTheCustomerHad() {
		CustomerState state = this.plan.newState();
		// Joined 40 days ago: 10 days before the recent 30 at 30 min/day, then 30
		// min/day.
		state.reset("C1", CustomerAttributes.of("C1", AS_OF.minusDays(40)));
		for (int day = 40; day >= 1; day--) {
			state.add(event(day, EventType.USAGE, "voice", Double.NaN, 30));
		}
		assertThat(state.evaluate(AS_OF).value("usage_voice_30d_change")).isEqualTo(1);
	}

	@Test
	void askingForFeaturesBeforeAnEventAlreadySeenIsRefused() {
		CustomerState state = this.plan.newState();
		state.reset("C1", customer());
		state.add(event(0, EventType.USAGE, "voice", Double.NaN, 5));
		assertThatIllegalStateException().isThrownBy(() -> state.evaluate(AS_OF))
			.withMessageContaining("observation date");
	}

	@Test
	void theBatchRunnerScoresEveryCustomerOfASource() throws Exception {
		List<Event> events = new ArrayList<>();
		events.add(new Event("a", "C2", AS_OF.minusDays(3).atStartOfDay(), EventType.COMPLAINT, "network", Double.NaN,
				Double.NaN, Map.of()));
		events.add(event(5, EventType.COMPLAINT, "billing", Double.NaN, Double.NaN));
		events.add(event(4, EventType.COMPLAINT, "billing", Double.NaN, Double.NaN));
		FeatureTable table = new BatchFeatureRunner(this.plan, 2).asOf(EventSource.sorted(events),
				(id) -> CustomerAttributes.of(id, AS_OF.minusDays(100)), AS_OF);
		assertThat(table.rowCount()).isEqualTo(2);
		assertThat(table.customerId(0)).isEqualTo("C1");
		assertThat(table.column("complaints_30d")).containsExactly(2, 1);
		assertThat(table.observationDate(1)).isEqualTo(AS_OF);
		assertThat(table.label(0)).isEqualTo(-1);
	}

}
