package io.churnguard.ml.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a CSV file as people hand it over: UTF-8 with or without a BOM, UTF-16 with a
 * BOM, or GBK/GB18030 as Chinese Excel writes it; comma, semicolon, tab or pipe
 * separated; RFC 4180 quoting with line breaks inside quotes. Blank lines are skipped.
 */
public final class CsvReader {

	/** GB18030 is a superset of GBK and GB2312, so one decoder reads all three. */
	private static final Charset GB18030 = Charset.forName("GB18030");

	private CsvReader() {
	}

	/**
	 * Reads a file.
	 * @param path the file
	 * @return the table
	 */
	public static RawTable read(Path path) {
		try {
			return parse(Files.readAllBytes(path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + path, ex);
		}
	}

	/**
	 * Parses the bytes of a CSV file.
	 * @param bytes the file content
	 * @return the table
	 */
	public static RawTable parse(byte[] bytes) {
		Decoded decoded = decode(bytes);
		String text = decoded.text();
		char delimiter = detectDelimiter(text);
		List<String[]> records = records(text, delimiter);
		if (records.isEmpty()) {
			throw new IllegalArgumentException("The file is empty: no header line");
		}
		List<String> header = uniqueNames(records.get(0));
		int columns = header.size();
		int rows = records.size() - 1;
		String[][] cells = new String[columns][rows];
		for (int r = 0; r < rows; r++) {
			String[] rec = records.get(r + 1);
			for (int c = 0; c < columns; c++) {
				cells[c][r] = (c < rec.length) ? rec[c] : "";
			}
		}
		return new RawTable(header, cells, decoded.charset(), delimiter);
	}

	/**
	 * Decodes bytes: a BOM decides; otherwise strict UTF-8, and GB18030 when the bytes
	 * are not valid UTF-8 (a GBK file almost never is).
	 */
	static Decoded decode(byte[] b) {
		if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
			return new Decoded(new String(b, 3, b.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
		}
		if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
			return new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE);
		}
		if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
			return new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE);
		}
		try {
			String s = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(b))
				.toString();
			return new Decoded(s, StandardCharsets.UTF_8);
		}
		catch (CharacterCodingException ex) {
			return new Decoded(new String(b, GB18030), GB18030);
		}
	}

	/** The separator that occurs most often outside quotes in the header line. */
	static char detectDelimiter(String text) {
		char[] candidates = { ',', ';', '\t', '|' };
		int[] counts = new int[candidates.length];
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char ch = text.charAt(i);
			if (ch == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (ch == '\n' || ch == '\r')) {
				break;
			}
			else if (!quoted) {
				for (int k = 0; k < candidates.length; k++) {
					if (ch == candidates[k]) {
						counts[k]++;
					}
				}
			}
		}
		int best = 0;
		for (int k = 1; k < candidates.length; k++) {
			if (counts[k] > counts[best]) {
				best = k;
			}
		}
		return candidates[best];
	}

	private static List<String[]> records(String text, char delimiter) {
		List<String[]> records = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean fieldWasQuoted = false;
		int n = text.length();
		for (int i = 0; i < n; i++) {
			char ch = text.charAt(i);
			if (quoted) {
				if (ch == '"') {
					if (i + 1 < n && text.charAt(i + 1) == '"') {
						field.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					field.append(ch);
				}
			}
			else if (ch == '"' && field.length() == 0 && !fieldWasQuoted) {
				quoted = true;
				fieldWasQuoted = true;
			}
			else if (ch == delimiter) {
				fields.add(field.toString());
				field.setLength(0);
				fieldWasQuoted = false;
			}
			else if (ch == '\n' || ch == '\r') {
				if (ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
					i++;
				}
				endRecord(records, fields, field, fieldWasQuoted);
				fieldWasQuoted = false;
			}
			else {
				field.append(ch);
			}
		}
		endRecord(records, fields, field, fieldWasQuoted);
		return records;
	}

	private static void endRecord(List<String[]> records, List<String> fields, StringBuilder field,
			boolean fieldWasQuoted) {
		if (fields.isEmpty() && field.length() == 0 && !fieldWasQuoted) {
			return;
		}
		fields.add(field.toString());
		records.add(fields.toArray(new String[0]));
		fields.clear();
		field.setLength(0);
	}

	private static List<String> uniqueNames(String[] raw) {
		List<String> names = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < raw.length; i++) {
			String name = raw[i].strip();
			if (name.isEmpty()) {
				name = "column_" + (i + 1);
			}
			String unique = name;
			for (int k = 2; !seen.add(unique); k++) {
				unique = name + "_" + k;
			}
			names.add(unique);
		}
		return names;
	}

	record Decoded(String text, Charset charset) {
	}

}
