/** Trains the learned news reader with Tribuo and exports it to the classifier's own compact model format. */
package org.watchfloor.learn.train;
