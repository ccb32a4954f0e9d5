package io.churnguard.ml.event;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

import com.github.luben.zstd.Zstd;
import io.airlift.compress.lz4.Lz4Decompressor;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Page decompression for reading Parquet without Hadoop: parquet-hadoop's own codec
 * factory creates its codecs through a Hadoop {@code Configuration}, which would need the
 * whole Hadoop client at run time. These call the compression libraries parquet already
 * depends on. Reading only.
 */
final class ParquetCodecs implements CompressionCodecFactory {

	/** The codecs this factory can read, for error messages. */
	static final String SUPPORTED = "UNCOMPRESSED, SNAPPY, GZIP, ZSTD, LZ4_RAW";

	@Override
	public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
		throw new UnsupportedOperationException("ChurnGuard reads Parquet files; it does not write them");
	}

	@Override
	public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
		return new Decompressor(codecName);
	}

	@Override
	public void release() {
		// nothing pooled
	}

	private static final class Decompressor implements BytesInputDecompressor {

		private final CompressionCodecName codec;

		Decompressor(CompressionCodecName codec) {
			this.codec = codec;
		}

		@Override
		public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
			if (this.codec == CompressionCodecName.UNCOMPRESSED) {
				return bytes;
			}
			byte[] out;
			try {
				out = decompress(bytes.toByteArray(), uncompressedSize);
			}
			catch (RuntimeException ex) {
				throw new IOException("corrupt " + this.codec + " page: " + ex.getMessage(), ex);
			}
			if (out.length != uncompressedSize) {
				throw new IOException(
						this.codec + " page decompressed to " + out.length + " bytes, expected " + uncompressedSize);
			}
			return BytesInput.from(out);
		}

		@Override
		public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
				throws IOException {
			ByteBuffer compressed = input.slice();
			compressed.limit(compressedSize);
			output.put(decompress(BytesInput.from(compressed), uncompressedSize).toByteBuffer());
		}

		private byte[] decompress(byte[] in, int uncompressedSize) throws IOException {
			switch (this.codec) {
				case SNAPPY:
					return Snappy.uncompress(in);
				case ZSTD:
					return Zstd.decompress(in, uncompressedSize);
				case GZIP:
					try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(in))) {
						return gzip.readNBytes(uncompressedSize);
					}
				case LZ4_RAW:
					byte[] out = new byte[uncompressedSize];
					int length = new Lz4Decompressor().decompress(in, 0, in.length, out, 0, out.length);
					return (length == out.length) ? out : Arrays.copyOf(out, length);
				default:
					throw new IOException("Parquet compression codec " + this.codec
							+ " is not supported; write the file " + "with one of " + SUPPORTED);
			}
		}

		@Override
		public void release() {
			// nothing pooled
		}

	}

}
