package io.churnguard.ml.data;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvReaderTest {

	@Test
	void aGbkFileWithChineseHeadersReadsLikeItsUtf8Twin() {
		String text = "用户编号,套餐金额,流失用户\n1,1,0\n2,3,1\n";
		RawTable gbk = CsvReader.parse(text.getBytes(Charset.forName("GBK")));
		RawTable utf8 = CsvReader.parse(text.getBytes(StandardCharsets.UTF_8));
		assertThat(gbk.header()).containsExactly("用户编号", "套餐金额", "流失用户");
		assertThat(gbk.header()).isEqualTo(utf8.header());
		assertThat(gbk.charset().name()).isEqualTo("GB18030");
		assertThat(utf8.charset()).isEqualTo(StandardCharsets.UTF_8);
	}

	@Test
	void aByteOrderMarkIsNotPartOfTheFirstColumnName() {
		byte[] body = "客户ID,Churn\nA,Yes\n".getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[body.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(body, 0, withBom, 3, body.length);
		assertThat(CsvReader.parse(withBom).header()).containsExactly("客户ID", "Churn");
	}

	@Test
	void quotedFieldsKeepTheirCommasQuotesAndLineBreaks() {
		String text = "id,comment,amount\r\n1,\"slow, \"\"very\"\" slow\nnetwork\",\"1,234.5\"\r\n\r\n2,,7\r\n";
		RawTable t = CsvReader.parse(text.getBytes(StandardCharsets.UTF_8));
		assertThat(t.rowCount()).isEqualTo(2);
		assertThat(t.column("comment")[0]).isEqualTo("slow, \"very\" slow\nnetwork");
		assertThat(t.column("amount")[0]).isEqualTo("1,234.5");
		assertThat(t.column("comment")[1]).isEmpty();
	}

	@Test
	void semicolonSeparatedFilesAreRecognised() {
		RawTable t = CsvReader.parse("a;b;c\n1;2;3\n".getBytes(StandardCharsets.UTF_8));
		assertThat(t.delimiter()).isEqualTo(';');
		assertThat(t.column("c")[0]).isEqualTo("3");
	}

	@Test
	void blankAndDuplicateHeadersGetUsableNames() {
		RawTable t = CsvReader.parse("x,,x\n1,2,3\n".getBytes(StandardCharsets.UTF_8));
		assertThat(t.header()).containsExactly("x", "column_2", "x_2");
	}

}
