package io.churnguard.app.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an XLSX workbook, read with POI's streaming SAX reader (a full
 * workbook model of a large sheet would need gigabytes). Date cells are written as ISO
 * dates whatever the cell's display format, so they parse the same as in CSV.
 */
final class XlsxRecordSource implements RecordSource {

	private final List<String> columns;

	private final Iterator<SourceRecord> records;

	private XlsxRecordSource(List<String> columns, List<SourceRecord> records) {
		this.columns = columns;
		this.records = records.iterator();
	}

	static XlsxRecordSource open(Path file) {
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			StylesTable styles = reader.getStylesTable();
			Rows rows = new Rows();
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new IllegalArgumentException("the workbook has no sheet");
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new IsoDates(), false));
				parser.parse(new InputSource(sheet));
			}
			if (rows.rows.isEmpty()) {
				throw new IllegalArgumentException("the sheet is empty: no header row");
			}
			List<String> columns = new ArrayList<>();
			Map<Integer, String> header = rows.rows.get(0).cells();
			int width = header.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
			for (int c = 0; c < width; c++) {
				columns.add(header.getOrDefault(c, "column" + (c + 1)).strip());
			}
			SourceRecord.Header names = new SourceRecord.Header(columns);
			List<SourceRecord> records = new ArrayList<>();
			for (Row row : rows.rows.subList(1, rows.rows.size())) {
				String[] cells = new String[columns.size()];
				boolean any = false;
				for (int c = 0; c < cells.length; c++) {
					cells[c] = row.cells().get(c);
					any |= cells[c] != null && !cells[c].isBlank();
				}
				if (any) {
					records.add(new SourceRecord(row.number(), names, cells));
				}
			}
			return new XlsxRecordSource(columns, records);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
		catch (OpenXML4JException | SAXException | ParserConfigurationException ex) {
			throw new IllegalArgumentException("not a readable XLSX workbook: " + ex.getMessage(), ex);
		}
	}

	@Override
	public boolean hasNext() {
		return this.records.hasNext();
	}

	@Override
	public SourceRecord next() {
		return this.records.next();
	}

	@Override
	public List<String> columns() {
		return this.columns;
	}

	@Override
	public String format() {
		return "xlsx";
	}

	@Override
	public String charset() {
		return null;
	}

	@Override
	public void close() {
	}

	/** A spreadsheet row: its 1-based number and cell texts by column index. */
	private record Row(long number, Map<Integer, String> cells) {
	}

	private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

		final List<Row> rows = new ArrayList<>();

		private Map<Integer, String> current;

		@Override
		public void startRow(int rowNum) {
			this.current = new LinkedHashMap<>();
			this.rows.add(new Row(rowNum + 1L, this.current));
		}

		@Override
		public void endRow(int rowNum) {
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			this.current.put(new CellReference(reference).getCol() & 0xFFFF, value);
		}

	}

	/**
	 * Formats date cells as ISO-8601 instead of the workbook's locale-dependent display
	 * format.
	 */
	private static final class IsoDates extends DataFormatter {

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				LocalDateTime dateTime = DateUtil.getLocalDateTime(value);
				return (dateTime.toLocalTime().toSecondOfDay() == 0) ? dateTime.toLocalDate().toString()
						: dateTime.toString();
			}
			return super.formatRawCellContents(value, formatIndex, formatString);
		}

	}

}
