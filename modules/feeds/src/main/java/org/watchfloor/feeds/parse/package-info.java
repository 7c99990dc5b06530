/** Safe parsing of RSS, Atom and RDF feeds (Rome) and HTML listing pages (Jsoup) into entries. */
package org.watchfloor.feeds.parse;
