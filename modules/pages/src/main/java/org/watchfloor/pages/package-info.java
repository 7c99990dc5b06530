/** The pages stage: fetches each feed entry's article page politely, extracts it and publishes raw articles. */
package org.watchfloor.pages;
