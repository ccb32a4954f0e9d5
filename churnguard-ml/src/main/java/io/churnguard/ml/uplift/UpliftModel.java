package io.churnguard.ml.uplift;

import io.churnguard.ml.data.Frame;

/**
 * An estimate of what one action does to each customer's churn probability.
 */
public interface UpliftModel {

	/**
	 * The estimated uplift of each row: the reduction of its churn probability within the
	 * horizon when the action is taken, {@code P(churn | control) − P(churn | treated)}.
	 * @param features the customers' features, with the columns the model was trained on
	 * @return one uplift per row, negative where the action is estimated to do harm
	 */
	double[] uplift(Frame features);

	/**
	 * The estimated churn probability of each row without the action, the risk the action
	 * works on.
	 * @param features the customers' features
	 * @return one probability per row
	 */
	double[] churnWithoutAction(Frame features);

}
