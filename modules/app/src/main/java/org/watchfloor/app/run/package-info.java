/** Running the whole pipeline in one process: embedded services, stages, the live status line. */
package org.watchfloor.app.run;
