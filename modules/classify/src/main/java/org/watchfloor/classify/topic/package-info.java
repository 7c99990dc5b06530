/** Multi-label topic scoring from the taxonomy in {@code config/topics.yaml}. */
package org.watchfloor.classify.topic;
