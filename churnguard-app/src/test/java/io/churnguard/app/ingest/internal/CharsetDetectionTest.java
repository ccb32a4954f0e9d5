package io.churnguard.app.ingest.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CharsetDetectionTest {

	private static final String TEXT = "客户编号,姓名,城市\nC1,张伟,广州\n";

	@Test
	void aUtf8FileIsReadAsUtf8() throws IOException {
		assertThat(detect(TEXT.getBytes(StandardCharsets.UTF_8), null)).isEqualTo(StandardCharsets.UTF_8);
	}

	@Test
	void aGbkFileAsChineseExcelWritesItIsReadAsGb18030() throws IOException {
		assertThat(detect(TEXT.getBytes(Charset.forName("GBK")), null)).isEqualTo(CharsetDetection.GB18030);
	}

	@Test
	void aByteOrderMarkDecidesAndIsSkipped() throws IOException {
		byte[] body = TEXT.getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[body.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(body, 0, withBom, 3, body.length);
		BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(withBom));
		assertThat(CharsetDetection.detect(in, Charset.forName("GBK"))).isEqualTo(StandardCharsets.UTF_8);
		assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(TEXT);
	}

	@Test
	void aSampleCutInsideAMultiByteCharacterIsStillUtf8() {
		byte[] bytes = "张伟".getBytes(StandardCharsets.UTF_8);
		byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 1);
		assertThat(CharsetDetection.isUtf8(cut, true)).isTrue();
		assertThat(CharsetDetection.isUtf8(cut, false)).isFalse();
	}

	@Test
	void aDeclaredCharsetWinsWhenThereIsNoBom() throws IOException {
		assertThat(detect(TEXT.getBytes(StandardCharsets.UTF_8), Charset.forName("GBK")))
			.isEqualTo(Charset.forName("GBK"));
	}

	private static Charset detect(byte[] bytes, Charset declared) throws IOException {
		return CharsetDetection.detect(new BufferedInputStream(new ByteArrayInputStream(bytes)), declared);
	}

}
