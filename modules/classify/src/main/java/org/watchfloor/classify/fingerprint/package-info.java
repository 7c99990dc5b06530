/** Fingerprints for near-duplicate detection. */
package org.watchfloor.classify.fingerprint;
