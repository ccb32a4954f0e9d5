package io.churnguard.app.scoring.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * How long each phase of a scoring run took, in the order they ran: logged with the run,
 * so an operator whose daily job got slower can see which part did without a profiler.
 * Not thread-safe: one per run.
 */
final class RunPhases {

	private final Map<String, Long> millis = new LinkedHashMap<>();

	private long phaseStarted = System.nanoTime();

	/**
	 * Ends the phase that ran since the previous call (or since construction).
	 * @param name the phase's name
	 */
	void ended(String name) {
		long now = System.nanoTime();
		this.millis.merge(name, (now - this.phaseStarted) / 1_000_000, Long::sum);
		this.phaseStarted = now;
	}

	/** The phases so far, by name, in milliseconds, in the order they ran. */
	Map<String, Long> millis() {
		return Collections.unmodifiableMap(new LinkedHashMap<>(this.millis));
	}

	@Override
	public String toString() {
		StringJoiner text = new StringJoiner(", ");
		this.millis.forEach((name, ms) -> text.add(name + " " + ms + " ms"));
		return text.toString();
	}

}
