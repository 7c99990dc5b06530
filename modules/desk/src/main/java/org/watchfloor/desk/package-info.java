/** The desk: a live web view of articles, alerts, trends and the pipeline, served by watchfloor. */
package org.watchfloor.desk;
