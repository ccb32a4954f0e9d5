/**
 * Why a customer got their score: exact TreeSHAP for gradient boosting, coefficient times
 * deviation from the mean for logistic regression, global importance, and reason codes
 * rendered as sentences in Chinese and English from feature descriptions.
 */
package io.churnguard.ml.explain;
