package io.churnguard.app.cli;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON for stdout: indented, so a person can read it and a program can parse it. */
final class Json {

	private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private Json() {
	}

	static String pretty(Object value) {
		return PRETTY.writeValueAsString(value);
	}

}
