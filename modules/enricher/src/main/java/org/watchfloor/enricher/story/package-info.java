/** Story grouping: SimHash bands that find syndicated copies of an article without scanning every fingerprint. */
package org.watchfloor.enricher.story;
