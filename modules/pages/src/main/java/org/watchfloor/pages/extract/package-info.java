/** Pure article extraction from HTML: main text, title, authors, dates, canonical URL, language, image, site name. */
package org.watchfloor.pages.extract;
