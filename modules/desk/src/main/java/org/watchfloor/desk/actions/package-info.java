/** Alert actions shared by every desk instance: acknowledgements and snoozes in a compacted topic, silences as rules. */
package org.watchfloor.desk.actions;
