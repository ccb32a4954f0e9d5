/**
 * Reading field values as source systems write them: dates and times in ISO and common
 * Chinese formats, numbers with thousands separators or currency signs, yes/no in English
 * and Chinese. Every importer and every API that accepts raw values parses them here, so
 * a value is valid in one place exactly when it is valid in all.
 */
package io.churnguard.app.platform.values;
