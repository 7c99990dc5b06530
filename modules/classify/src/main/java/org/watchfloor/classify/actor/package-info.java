/** The actor gazetteer and the extractor that resolves names, abbreviations, demonyms and metonyms to stable ids. */
package org.watchfloor.classify.actor;
