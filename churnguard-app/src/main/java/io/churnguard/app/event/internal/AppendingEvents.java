package io.churnguard.app.event.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.churnguard.app.event.EventAppender;
import io.churnguard.app.event.EventLoader;
import io.churnguard.app.event.EventsAppended;
import io.churnguard.ml.event.Event;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appending a batch from the API: the events and the {@link EventsAppended} announcement
 * commit together, so the rescoring they trigger is never lost and never runs for events
 * that failed.
 */
@Service
class AppendingEvents implements EventAppender {

	private final EventLoader loader;

	private final ApplicationEventPublisher events;

	AppendingEvents(EventLoader loader, ApplicationEventPublisher events) {
		this.loader = loader;
		this.events = events;
	}

	@Override
	@Transactional
	public EventLoader.LoadResult append(List<Event> batch) {
		EventLoader.LoadResult result = this.loader.load(batch, null);
		if (result.inserted() > 0) {
			Set<String> unknown = result.unknownCustomer()
				.stream()
				.map(i -> batch.get(i).customerId())
				.collect(Collectors.toSet());
			LocalDate earliest = batch.stream()
				.map(event -> event.time().toLocalDate())
				.min(Comparator.naturalOrder())
				.orElse(null);
			List<Event> loaded = batch.stream().filter(event -> !unknown.contains(event.customerId())).toList();
			// With repeats among them, which events were added is not known here: real
			// time then reads these customers' recent days again.
			List<EventsAppended.Appended> appended = (result.duplicates() == 0)
					? loaded.stream().map(AppendingEvents::asStored).toList() : null;
			this.events.publishEvent(
					new EventsAppended(loaded.stream().map(Event::customerId).distinct().toList(), earliest, appended));
		}
		return result;
	}

	private static EventsAppended.Appended asStored(Event event) {
		return new EventsAppended.Appended(event.eventId(), event.customerId(), event.time(), event.type().code(),
				event.subtype(), event.hasAmount() ? storedAmount(event.amount()) : null,
				event.hasQuantity() ? event.quantity() : null);
	}

	/**
	 * The amount as the log's numeric(14,2) column keeps it: the decimal text the load
	 * writes, rounded to cents half away from zero, as PostgreSQL rounds.
	 */
	static double storedAmount(double amount) {
		return new BigDecimal(Double.toString(amount)).setScale(2, RoundingMode.HALF_UP).doubleValue();
	}

}
