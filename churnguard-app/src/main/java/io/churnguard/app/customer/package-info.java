/**
 * The customer archive (客户档案): identity, contact and contract facts, owner and data
 * scope, value grades A–E with their history, status, and custom attributes. It decides
 * who may see which customer and masks personal fields for everyone else.
 */
package io.churnguard.app.customer;
