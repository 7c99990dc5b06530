/** Training and evaluation of the learned news reader: the edge where labelled data, files and Tribuo live. */
package org.watchfloor.learn;
