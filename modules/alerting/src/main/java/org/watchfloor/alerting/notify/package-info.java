/** Delivering alerts to receivers (webhook, Slack, email, log) once each, with retries and delivery records. */
package org.watchfloor.alerting.notify;
