/** The quality table of issue 14: each measure on a labelled set, with a 95 % bootstrap confidence interval. */
package org.watchfloor.learn.eval;
