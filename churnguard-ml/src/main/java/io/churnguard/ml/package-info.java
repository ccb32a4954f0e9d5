/**
 * The plain-Java core of ChurnGuard: columnar frames and CSV reading, the feature engine,
 * trainers, evaluation, explanations, uplift learners and the company simulator. It has
 * no Spring and no database so that the server, the CLI, Spark jobs and tests share one
 * implementation of every piece of logic.
 */
package io.churnguard.ml;
