/**
 * The notification module's implementation: the inbox, outbox and webhook tables, the
 * dispatcher with its retry schedule, the email channel and the WeCom, DingTalk, Feishu
 * and generic webhook formats with their signatures, secret sealing, the daily digest,
 * and the console pages and API.
 */
package io.churnguard.app.notification.internal;
