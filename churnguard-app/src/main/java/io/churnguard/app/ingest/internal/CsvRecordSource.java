package io.churnguard.app.ingest.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV as Excel and databases write it (RFC 4180 quoting, line breaks inside quotes),
 * comma, semicolon or tab separated, in UTF-8 or GBK.
 */
final class CsvRecordSource implements RecordSource {

	private final CSVParser parser;

	private final Iterator<CSVRecord> records;

	private final SourceRecord.Header header;

	private final String charset;

	private long nextLine;

	private CsvRecordSource(CSVParser parser, List<String> columns, Charset charset) {
		this.parser = parser;
		this.records = parser.iterator();
		this.header = new SourceRecord.Header(columns);
		this.charset = charset.name();
		this.nextLine = parser.getCurrentLineNumber() + 1;
	}

	static CsvRecordSource open(Path file, Charset declared) {
		try {
			BufferedInputStream in = CharsetDetection.buffered(Files.newInputStream(file));
			Charset charset = CharsetDetection.detect(in, declared);
			char delimiter = detectDelimiter(in, charset);
			CSVParser parser = CSVFormat.EXCEL.builder()
				.setDelimiter(delimiter)
				.setIgnoreEmptyLines(true)
				.get()
				.parse(new InputStreamReader(in, charset));
			Iterator<CSVRecord> iterator = parser.iterator();
			if (!iterator.hasNext()) {
				parser.close();
				throw new IllegalArgumentException("the file is empty: no header line");
			}
			List<String> columns = new ArrayList<>();
			for (String name : iterator.next()) {
				columns.add(name.strip());
			}
			return new CsvRecordSource(parser, columns, charset);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	/** The separator that splits the header line into the most columns. */
	private static char detectDelimiter(BufferedInputStream in, Charset charset) throws IOException {
		in.mark(1 << 16);
		byte[] head = in.readNBytes(1 << 16);
		in.reset();
		String text = new String(head, charset);
		int end = text.indexOf('\n');
		String header = (end >= 0) ? text.substring(0, end) : text;
		char best = ',';
		long bestCount = header.chars().filter(c -> c == ',').count();
		for (char candidate : new char[] { ';', '\t', '|' }) {
			long count = header.chars().filter(c -> c == candidate).count();
			if (count > bestCount) {
				best = candidate;
				bestCount = count;
			}
		}
		return best;
	}

	@Override
	public boolean hasNext() {
		return this.records.hasNext();
	}

	@Override
	public SourceRecord next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		CSVRecord record = this.records.next();
		long line = this.nextLine;
		this.nextLine = this.parser.getCurrentLineNumber() + 1;
		return new SourceRecord(line, this.header, record.values());
	}

	@Override
	public List<String> columns() {
		return this.header.names();
	}

	@Override
	public String format() {
		return "csv";
	}

	@Override
	public String charset() {
		return this.charset;
	}

	@Override
	public void close() {
		try {
			this.parser.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
