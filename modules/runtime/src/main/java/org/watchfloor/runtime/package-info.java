/**
 * The stage runtime: the lifecycle every pipeline stage shares (so the launcher can run them alone or all together),
 * topic creation, dead letters, producer tuning, serdes and counter names; the Kafka client plumbing kept out of the
 * records in {@code org.watchfloor.model}.
 */
package org.watchfloor.runtime;
