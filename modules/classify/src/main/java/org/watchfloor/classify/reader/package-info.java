/** The learned news reader: a news gate, a sentence event reader and an article aggregation, pure and in memory. */
package org.watchfloor.classify.reader;
