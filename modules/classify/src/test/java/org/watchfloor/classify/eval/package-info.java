/** Quality measurement of the classifier on the hand-labelled dev set. */
package org.watchfloor.classify.eval;
