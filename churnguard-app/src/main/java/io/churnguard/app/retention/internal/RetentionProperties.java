package io.churnguard.app.retention.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code churnguard.retention}.
 *
 * @param maxContacts N of the contact-frequency policy: at most this many contacts …
 * @param windowDays … in M days, across all campaigns
 * @param minControlShare the least share of a target list held out (at least 5 %)
 * @param alpha the significance level the control group is sized for
 * @param power the power the control group is sized for
 * @param observationDays default days after enrolment over which retention is measured
 * @param triggerLevel the least severe warning level (1 = I, 2 = II) that enrols a
 * customer into a triggered campaign by default
 */
@ConfigurationProperties("churnguard.retention")
record RetentionProperties(Integer maxContacts, Integer windowDays, Double minControlShare, Double alpha, Double power,
		Integer observationDays, Integer triggerLevel) {

	RetentionProperties {
		maxContacts = (maxContacts != null) ? maxContacts : 2;
		windowDays = (windowDays != null) ? windowDays : 30;
		minControlShare = (minControlShare != null) ? Math.max(0.05, minControlShare) : 0.05;
		alpha = (alpha != null) ? alpha : 0.05;
		power = (power != null) ? power : 0.8;
		observationDays = (observationDays != null) ? observationDays : 90;
		triggerLevel = (triggerLevel != null) ? triggerLevel : 2;
	}

	ContactFrequencyPolicy frequencyPolicy() {
		return new ContactFrequencyPolicy(this.maxContacts, this.windowDays);
	}

}
