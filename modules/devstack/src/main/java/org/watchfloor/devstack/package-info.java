/** The local default stack shared by tests, benchmarks and the launcher: a Kafka broker, an Elasticsearch node and a sample news site, all real and in-process or child processes. */
package org.watchfloor.devstack;
