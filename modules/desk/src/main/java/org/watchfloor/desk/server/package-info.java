/** The HTTP server: routes, security headers, authentication off loopback, and CSRF checks on the few writes. */
package org.watchfloor.desk.server;
