package io.churnguard.app.ingest.internal;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Lines: one JSON object per line. Top-level values become columns; a nested object
 * (such as {@code attributes}) is kept as its JSON text. A line that is not a JSON object
 * becomes a record carrying only a parse error, so the line is rejected and the rest of
 * the file still loads.
 */
final class JsonLinesRecordSource implements RecordSource {

	/** The column under which an unreadable line reports its error. */
	static final String PARSE_ERROR = "__parse_error__";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BufferedReader reader;

	private final String charset;

	private final List<String> columns = new ArrayList<>();

	private SourceRecord next;

	private long line;

	private JsonLinesRecordSource(BufferedReader reader, Charset charset) {
		this.reader = reader;
		this.charset = charset.name();
		advance();
		if (this.next != null) {
			this.columns.addAll(this.next.header().names());
			this.columns.remove(PARSE_ERROR);
		}
	}

	static JsonLinesRecordSource open(Path file, Charset declared) {
		try {
			BufferedInputStream in = CharsetDetection.buffered(Files.newInputStream(file));
			Charset charset = CharsetDetection.detect(in, declared);
			return new JsonLinesRecordSource(new BufferedReader(new InputStreamReader(in, charset), 1 << 16), charset);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	private void advance() {
		try {
			String text;
			do {
				text = this.reader.readLine();
				this.line++;
			}
			while (text != null && text.isBlank());
			if (text == null) {
				this.next = null;
				return;
			}
			Map<String, String> values = values(text);
			this.next = new SourceRecord(this.line, new SourceRecord.Header(List.copyOf(values.keySet())),
					values.values().toArray(String[]::new));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, String> values(String text) {
		Map<String, String> values = new LinkedHashMap<>();
		try {
			JsonNode node = JSON.readTree(text);
			if (!node.isObject()) {
				values.put(PARSE_ERROR, "the line is not a JSON object");
				return values;
			}
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				JsonNode value = entry.getValue();
				values.put(entry.getKey(),
						value.isNull() ? null : value.isValueNode() ? value.asString() : value.toString());
			}
		}
		catch (JacksonException ex) {
			values.clear();
			values.put(PARSE_ERROR, "the line is not valid JSON: " + ex.getOriginalMessage());
		}
		return values;
	}

	@Override
	public boolean hasNext() {
		return this.next != null;
	}

	@Override
	public SourceRecord next() {
		if (this.next == null) {
			throw new NoSuchElementException();
		}
		SourceRecord current = this.next;
		advance();
		return current;
	}

	@Override
	public List<String> columns() {
		return this.columns;
	}

	@Override
	public String format() {
		return "jsonl";
	}

	@Override
	public String charset() {
		return this.charset;
	}

	@Override
	public void close() {
		try {
			this.reader.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
