package io.churnguard.ml.model.gbdt;

import java.util.List;

/**
 * A trained gradient boosting model.
 *
 * @param models the boosters in XGBoost's UBJSON format, as stored; more than one when
 * bagged, the model then being their average
 * @param ensemble their trees (averaged), read for Java-side scoring and explanations
 * @param parameters the parameters of the final training run
 * @param trials the candidates the parameter search tried, empty without a search
 */
public record GbdtFit(List<byte[]> models, TreeEnsemble ensemble, GbdtParameters parameters, List<Trial> trials) {

	/**
	 * One candidate of the parameter search.
	 *
	 * @param parameters the candidate
	 * @param auc its validation AUC (mean over inner folds)
	 * @param rounds its best number of rounds (mean over inner folds)
	 */
	public record Trial(GbdtParameters parameters, double auc, int rounds) {
	}

}
