package io.churnguard.ml.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import io.churnguard.ml.data.CategoricalColumn;
import io.churnguard.ml.data.Column;
import io.churnguard.ml.data.Frame;
import io.churnguard.ml.data.NumericColumn;

/**
 * Where a model came from: a fingerprint of its training data, the source, the
 * parameters, the library versions and the time, so that every score can be traced to the
 * model and data that made it.
 *
 * @param dataFingerprint SHA-256 of the training frame's names and values
 * @param source where the data came from, e.g. a file name with its charset
 * @param rows the number of training rows
 * @param parameters the training parameters
 * @param libraries library versions, e.g. XGBoost and Java
 * @param trainedAt when training finished, ISO-8601 UTC
 */
public record Provenance(String dataFingerprint, String source, int rows, Map<String, Object> parameters,
		Map<String, String> libraries, String trainedAt) {

	/** The XGBoost4J version this code is built against. */
	public static final String XGBOOST_VERSION = "3.0.4";

	/**
	 * The library versions of this run.
	 * @return name to version
	 */
	public static Map<String, String> currentLibraries() {
		Map<String, String> libs = new LinkedHashMap<>();
		String own = Provenance.class.getPackage().getImplementationVersion();
		libs.put("churnguard-ml", (own != null) ? own : "development");
		libs.put("xgboost4j", XGBOOST_VERSION);
		libs.put("java", System.getProperty("java.version"));
		return libs;
	}

	/**
	 * The SHA-256 fingerprint of a frame: column names, types and every value.
	 * @param frame the frame
	 * @return the hex digest
	 */
	public static String fingerprint(Frame frame) {
		try {
			MessageDigest md = MessageDigest.getInstance("SHA-256");
			ByteBuffer buf = ByteBuffer.allocate(8 * 4096);
			for (Column c : frame.columns()) {
				md.update(c.name().getBytes(StandardCharsets.UTF_8));
				md.update(c.type().name().getBytes(StandardCharsets.UTF_8));
				if (c instanceof NumericColumn num) {
					for (double v : num.values()) {
						if (!buf.hasRemaining()) {
							md.update(buf.flip());
							buf.clear();
						}
						buf.putDouble(v);
					}
				}
				else {
					CategoricalColumn cat = (CategoricalColumn) c;
					for (String level : cat.levels()) {
						md.update(level.getBytes(StandardCharsets.UTF_8));
						md.update((byte) 0);
					}
					for (int r = 0; r < cat.size(); r++) {
						if (buf.remaining() < 4) {
							md.update(buf.flip());
							buf.clear();
						}
						buf.putInt(cat.code(r));
					}
				}
				md.update(buf.flip());
				buf.clear();
			}
			return HexFormat.of().formatHex(md.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Provenance of a training run finishing now.
	 * @param training the training frame, label included
	 * @param source where it came from
	 * @param parameters the parameters
	 * @return the provenance
	 */
	public static Provenance of(Frame training, String source, Map<String, Object> parameters) {
		return new Provenance(fingerprint(training), source, training.rowCount(), parameters, currentLibraries(),
				Instant.now().toString());
	}

}
