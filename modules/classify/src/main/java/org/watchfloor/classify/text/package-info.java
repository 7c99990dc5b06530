/** Tokens, sentences and light stemming shared by every classifier part. */
package org.watchfloor.classify.text;
