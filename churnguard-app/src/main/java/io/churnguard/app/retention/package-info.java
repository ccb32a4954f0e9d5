/**
 * Retention (挽留): the playbooks that map churn reason × segment × grade to an action, and
 * campaigns that carry them out — designed, approved by the retention head, launched onto
 * a target list with a randomized control group held out, worked as contact tasks under
 * the contact-frequency policy and the black list, and evaluated as an experiment (uplift
 * with its confidence interval, p-value and ROI). Finished campaigns train uplift models,
 * which plan a new campaign's list for a budget and name the customers not to contact.
 */
package io.churnguard.app.retention;
