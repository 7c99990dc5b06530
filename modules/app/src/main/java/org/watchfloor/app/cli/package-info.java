/** The picocli commands of the {@code watchfloor} launcher, one class each. */
package org.watchfloor.app.cli;
