/**
 * The console shell and the API's common ground: page layout and navigation, the overview
 * page, languages (zh-CN by default, English), RFC 9457 problem details for API errors,
 * and the OpenAPI description. Other modules plug their pages in by contributing
 * navigation items and overview tiles; the shell depends on none of them.
 */
package io.churnguard.app.web;
