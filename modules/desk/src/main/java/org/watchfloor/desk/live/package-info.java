/** The live stream: each desk reads the enriched and alert topics itself and fans them out to its viewers. */
package org.watchfloor.desk.live;
