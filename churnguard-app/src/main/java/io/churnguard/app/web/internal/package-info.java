/**
 * The console shell's implementation: locale resolution, navigation and overview
 * assembly, and the translation of exceptions into problem details.
 */
package io.churnguard.app.web.internal;
