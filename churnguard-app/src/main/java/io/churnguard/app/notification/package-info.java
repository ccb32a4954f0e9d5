/**
 * Notifications (通知): tells a user that something needs them — in the in-app inbox, by
 * email and through group robots (WeCom, DingTalk, Feishu) or any signed webhook. A
 * notification is written with its outbox rows in the caller's transaction and delivered
 * later with retries, so none is lost; a daily digest sums up each owner's open items.
 */
package io.churnguard.app.notification;
