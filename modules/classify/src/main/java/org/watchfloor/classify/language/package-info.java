/** Language identification with Lingua, restricted to the languages news sources publish in. */
package org.watchfloor.classify.language;
