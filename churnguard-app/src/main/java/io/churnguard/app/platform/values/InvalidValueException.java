package io.churnguard.app.platform.values;

/** A value that cannot be read as the requested type; the message is the reason. */
public class InvalidValueException extends RuntimeException {

	public InvalidValueException(String reason) {
		super(reason);
	}

}
