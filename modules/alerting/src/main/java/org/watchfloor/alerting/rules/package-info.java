/** Alert rules as pure functions: the rules file model, validation, the rule types, their state and the rule index. */
package org.watchfloor.alerting.rules;
