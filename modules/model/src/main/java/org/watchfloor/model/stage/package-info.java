/** The lifecycle every pipeline stage shares, so the launcher can run them alone or all together. */
package org.watchfloor.model.stage;
