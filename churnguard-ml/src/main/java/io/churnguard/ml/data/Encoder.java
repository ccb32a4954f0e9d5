package io.churnguard.ml.data;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Turns one source column into one or more design columns. Encoders are fitted on
 * training rows only and stored as JSON with the model.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({ @JsonSubTypes.Type(value = NumericEncoder.class, name = "numeric"),
		@JsonSubTypes.Type(value = OneHotEncoder.class, name = "one-hot"),
		@JsonSubTypes.Type(value = TargetEncoder.class, name = "target") })
public sealed interface Encoder permits NumericEncoder, OneHotEncoder, TargetEncoder {

	/** The source column. */
	String source();

	/** The names of the design columns produced, in order. */
	List<String> outputs();

	/**
	 * Writes this encoder's design columns of every row.
	 * @param column the source column (of the spec the encoder was fitted on)
	 * @param out the row-major design matrix
	 * @param stride the number of design columns
	 * @param offset the index of this encoder's first design column
	 */
	void encode(Column column, float[] out, int stride, int offset);

}
