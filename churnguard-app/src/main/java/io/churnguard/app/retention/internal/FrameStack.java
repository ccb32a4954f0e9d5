package io.churnguard.app.retention.internal;

import java.util.ArrayList;
import java.util.List;

import io.churnguard.ml.data.CategoricalColumn;
import io.churnguard.ml.data.Column;
import io.churnguard.ml.data.Frame;
import io.churnguard.ml.data.NumericColumn;

/**
 * Frames of the same columns one under the other: members of campaigns that started on
 * different days have their features computed per day, then learned from together.
 */
final class FrameStack {

	private FrameStack() {
	}

	static Frame of(List<Frame> parts) {
		if (parts.size() == 1) {
			return parts.get(0);
		}
		Frame first = parts.get(0);
		int rows = parts.stream().mapToInt(Frame::rowCount).sum();
		List<Column> columns = new ArrayList<>();
		for (String name : first.columnNames()) {
			if (first.column(name) instanceof NumericColumn) {
				double[] values = new double[rows];
				int at = 0;
				for (Frame part : parts) {
					double[] v = ((NumericColumn) part.column(name)).values();
					System.arraycopy(v, 0, values, at, v.length);
					at += v.length;
				}
				columns.add(NumericColumn.of(name, values));
			}
			else {
				String[] values = new String[rows];
				int at = 0;
				for (Frame part : parts) {
					CategoricalColumn column = (CategoricalColumn) part.column(name);
					for (int r = 0; r < part.rowCount(); r++) {
						values[at++] = column.text(r);
					}
				}
				columns.add(CategoricalColumn.of(name, values));
			}
		}
		return Frame.of(columns);
	}

}
