/**
 * Columnar frames and how tables become them: CSV reading with charset and delimiter
 * detection, type inference, and the encoding and imputation pipeline that is fitted on
 * training data and applied identically when scoring.
 */
package io.churnguard.ml.data;
