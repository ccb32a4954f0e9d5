package io.churnguard.ml.model.lr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.churnguard.ml.data.DesignMatrix;

/**
 * The data of a logistic regression: design columns (column-major, double precision),
 * each belonging to a variable (a one-hot encoded category is one variable with several
 * columns), and 0/1 labels.
 *
 * @param columns the design columns, {@code columns[j][row]}, without an intercept
 * @param names the design column names
 * @param variableOf for each design column, its variable
 * @param y the labels, 1 for the event (churn)
 */
public record LogisticData(double[][] columns, List<String> names, List<String> variableOf, int[] y) {

	/**
	 * Data from a design matrix: each source column is a variable.
	 * @param matrix the design matrix
	 * @param y the labels
	 * @return the data
	 */
	public static LogisticData of(DesignMatrix matrix, int[] y) {
		int n = matrix.rows();
		int p = matrix.columns();
		double[][] cols = new double[p][n];
		float[] d = matrix.data();
		for (int r = 0; r < n; r++) {
			int base = r * p;
			for (int j = 0; j < p; j++) {
				cols[j][r] = d[base + j];
			}
		}
		List<String> variables = new ArrayList<>();
		for (int j = 0; j < p; j++) {
			variables.add(matrix.sources().get(matrix.sourceOf()[j]));
		}
		return new LogisticData(cols, matrix.names(), variables, y);
	}

	/**
	 * Data from plain columns, each its own variable.
	 * @param columns the columns, {@code columns[j][row]}
	 * @param names their names
	 * @param y the labels
	 * @return the data
	 */
	public static LogisticData of(double[][] columns, List<String> names, int[] y) {
		return new LogisticData(columns, names, names, y);
	}

	/** The number of rows. */
	public int rows() {
		return this.y.length;
	}

	/** The distinct variables, in column order. */
	public List<String> variables() {
		return List.copyOf(new LinkedHashSet<>(this.variableOf));
	}

	/**
	 * The same rows with only some variables.
	 * @param keep the variables to keep
	 * @return the data
	 */
	public LogisticData withVariables(Set<String> keep) {
		List<double[]> cols = new ArrayList<>();
		List<String> names = new ArrayList<>();
		List<String> vars = new ArrayList<>();
		for (int j = 0; j < this.columns.length; j++) {
			if (keep.contains(this.variableOf.get(j))) {
				cols.add(this.columns[j]);
				names.add(this.names.get(j));
				vars.add(this.variableOf.get(j));
			}
		}
		return new LogisticData(cols.toArray(new double[0][]), names, vars, this.y);
	}

}
