package io.churnguard.app.web.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Formatting for templates ({@code ${@fmt.dateTime(x)}}): instants shown in the
 * business's time zone, the same on every page.
 */
@Component("fmt")
class ConsoleFormat {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private final ZoneId zone;

	ConsoleFormat(@Value("${churnguard.time-zone:Asia/Shanghai}") String zone) {
		this.zone = ZoneId.of(zone);
	}

	public String dateTime(Instant instant) {
		return (instant != null) ? DATE_TIME.format(instant.atZone(this.zone)) : "—";
	}

	public String date(Instant instant) {
		return (instant != null) ? DATE.format(instant.atZone(this.zone)) : "—";
	}

}
