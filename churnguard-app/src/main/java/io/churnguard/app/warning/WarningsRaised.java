package io.churnguard.app.warning;

import java.util.List;

/**
 * Published once for up to {@link #MAX} warnings raised or upgraded together (a scoring
 * run, a real-time batch). One announcement per warning made the event publication log
 * write and track a row per warning and listener — 1.2 million rows after the first daily
 * run on a million customers — which took longer than the scoring itself. Listeners
 * handle each item; a chunk is redelivered whole, so they must be idempotent per warning.
 *
 * @param warnings the warnings, in the order they were raised (when a call announces more
 * than one chunk, grouped by owner first)
 */
public record WarningsRaised(List<WarningRaised> warnings) {

	/** The most warnings in one announcement, so one listener transaction stays small. */
	public static final int MAX = 1_000;

	public WarningsRaised {
		warnings = List.copyOf(warnings);
	}

}
