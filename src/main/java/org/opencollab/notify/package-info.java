/**
 * Telling people: mail about new tasks, overdue tasks and sprints at risk, and posts to the
 * departments' chat groups (Feishu/Lark, DingTalk, WeCom), all sent after the engine's transaction
 * commits and tried again when the server is down.
 */
package org.opencollab.notify;
