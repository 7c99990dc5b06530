/** The {@code watchfloor} launcher: runs the whole pipeline on the embedded stack, or one stage at scale. */
package org.watchfloor.app;
