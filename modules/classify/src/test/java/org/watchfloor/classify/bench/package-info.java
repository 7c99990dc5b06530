/** JMH benchmarks of the classifier; run them with {@link org.watchfloor.classify.bench.ClassifyBenchmark#main}. */
package org.watchfloor.classify.bench;
