package io.churnguard.ml.feature;

import java.util.ArrayList;
import java.util.List;

import io.churnguard.ml.data.CategoricalColumn;
import io.churnguard.ml.data.Column;
import io.churnguard.ml.data.Frame;
import io.churnguard.ml.data.NumericColumn;

/**
 * The bridge from the feature engine to the trainers: a {@link FeatureTable} as a
 * modelling {@link Frame}. Training sets and scoring tables both cross it, so a model
 * always sees its features the way it was trained on them.
 */
public final class FeatureFrames {

	/** The id column; models trained from the archive name it as their id column. */
	public static final String ID = "customer_id";

	/**
	 * The label column of a training set: 1 when the customer churned within the horizon.
	 */
	public static final String LABEL = "churned";

	private FeatureFrames() {
	}

	/**
	 * @param table the features
	 * @param withLabel whether to include the label column (training sets)
	 * @return the frame: id, numeric features, categorical features, and the label when
	 * asked
	 */
	public static Frame of(FeatureTable table, boolean withLabel) {
		int rows = table.rowCount();
		List<Column> columns = new ArrayList<>();
		String[] ids = new String[rows];
		for (int r = 0; r < rows; r++) {
			ids[r] = table.customerId(r);
		}
		columns.add(CategoricalColumn.of(ID, ids));
		for (String name : table.numericNames()) {
			columns.add(NumericColumn.of(name, table.column(name)));
		}
		for (String name : table.categoricalNames()) {
			columns.add(CategoricalColumn.of(name, table.categoricalColumn(name)));
		}
		if (withLabel) {
			double[] labels = new double[rows];
			for (int r = 0; r < rows; r++) {
				labels[r] = table.label(r);
			}
			columns.add(NumericColumn.of(LABEL, labels));
		}
		return Frame.of(columns);
	}

}
