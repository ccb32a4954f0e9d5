package io.churnguard.app.ingest.internal;

import java.util.List;
import java.util.Map;

import io.churnguard.app.platform.values.FieldError;

/**
 * A source record after mapping: raw values by target field and by attribute, or mapping
 * errors.
 */
record MappedRow(long line, Map<String, String> fields, Map<String, String> attributes, List<FieldError> errors) {
}
