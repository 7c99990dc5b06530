/** The labelled sets: real news (labels in the repository, text in a local cache) and the written dev set. */
package org.watchfloor.learn.data;
