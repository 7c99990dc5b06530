/** URL normalisation and the article ids derived from it, so one article reached through two feeds gets one id. */
package org.watchfloor.pages.url;
