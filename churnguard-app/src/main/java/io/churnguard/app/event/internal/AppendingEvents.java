package io.churnguard.app.event.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

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
class AppendingEvents {

	private final EventLoader loader;

	private final ApplicationEventPublisher events;

	AppendingEvents(EventLoader loader, ApplicationEventPublisher events) {
		this.loader = loader;
		this.events = events;
	}

	@Transactional
	EventLoader.LoadResult append(List<Event> batch) {
		EventLoader.LoadResult result = this.loader.load(batch, null);
		if (result.inserted() > 0) {
			List<String> unknown = result.unknownCustomer().stream().map(i -> batch.get(i).customerId()).toList();
			LocalDate earliest = batch.stream()
				.map(event -> event.time().toLocalDate())
				.min(Comparator.naturalOrder())
				.orElse(null);
			this.events.publishEvent(new EventsAppended(
					batch.stream().map(Event::customerId).filter(id -> !unknown.contains(id)).distinct().toList(),
					earliest));
		}
		return result;
	}

}
