/**
 * Who a retention action changes, learned from past randomized campaigns: uplift learners
 * (the two-model T-learner and the X-learner, both on XGBoost), one per action against
 * the shared control group; Qini and AUUC on held-out customers; and the targeting
 * policies that spend a budget on the customers and actions with the most expected saved
 * value, and name the customers who should not be contacted at all.
 * {@link UpliftArtifact} stores the models as JSON metadata and XGBoost UBJSON boosters.
 *
 * <p>
 * Convention throughout: the outcome is 1 when the customer churned within the campaign's
 * horizon, and uplift is the <em>reduction</em> of the churn probability the action
 * brings, {@code P(churn | not contacted) − P(churn | contacted)}: positive when the
 * action keeps the customer, negative when contact makes them leave sooner.
 */
package io.churnguard.ml.uplift;
