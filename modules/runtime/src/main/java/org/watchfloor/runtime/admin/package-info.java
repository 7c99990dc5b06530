/** The operator's port of a stage process: liveness, readiness and Prometheus metrics over loopback HTTP. */
package org.watchfloor.runtime.admin;
