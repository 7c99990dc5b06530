/** The pipeline as the desk shows it: consumer groups, lag, topic rates and dead letters. */
package org.watchfloor.desk.status;
