/** Goldstein-grounded tension scoring: CAMEO-style events read in context, dyads and the sentences behind them. */
package org.watchfloor.classify.tension;
