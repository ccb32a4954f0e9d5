package io.churnguard.app.ingest.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decides how a text file is encoded from its first bytes: a byte-order mark decides;
 * otherwise UTF-8 if the sample is valid UTF-8, else GB18030 — a superset of GBK and
 * GB2312, which is what Chinese Excel writes and which is almost never valid UTF-8 by
 * accident.
 */
final class CharsetDetection {

	static final Charset GB18030 = Charset.forName("GB18030");

	private static final int SAMPLE = 256 * 1024;

	private CharsetDetection() {
	}

	/**
	 * Reads the BOM (if any) off the stream and returns the charset to decode the rest
	 * with.
	 * @param in a stream supporting mark/reset
	 * @param declared the user's declared charset, or null to detect
	 */
	static Charset detect(BufferedInputStream in, Charset declared) throws IOException {
		in.mark(SAMPLE + 4);
		byte[] sample = in.readNBytes(SAMPLE);
		in.reset();
		int bom = bomLength(sample);
		if (bom > 0) {
			in.skipNBytes(bom);
			return (bom == 3) ? StandardCharsets.UTF_8
					: ((sample[0] & 0xFF) == 0xFF) ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
		}
		if (declared != null) {
			return declared;
		}
		return isUtf8(sample, sample.length == SAMPLE) ? StandardCharsets.UTF_8 : GB18030;
	}

	static int bomLength(byte[] b) {
		if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
			return 3;
		}
		if (b.length >= 2 && (((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE)
				|| ((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF))) {
			return 2;
		}
		return 0;
	}

	/** A sample cut in the middle of a multi-byte character is still UTF-8. */
	static boolean isUtf8(byte[] sample, boolean truncated) {
		int length = sample.length;
		if (truncated) {
			int back = 0;
			while (back < 3 && length - back - 1 >= 0 && (sample[length - back - 1] & 0xC0) == 0x80) {
				back++;
			}
			if (length - back - 1 >= 0 && (sample[length - back - 1] & 0xC0) == 0xC0) {
				length = length - back - 1;
			}
		}
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try {
			decoder.decode(ByteBuffer.wrap(sample, 0, length));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	static BufferedInputStream buffered(InputStream in) {
		return (in instanceof BufferedInputStream buffered) ? buffered : new BufferedInputStream(in, 1 << 16);
	}

}
