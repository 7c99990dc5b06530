/** Unit tests of the benchmark's measuring parts: articles, pacing, percentiles, the receiver and the report. */
package org.watchfloor.bench.measure;
