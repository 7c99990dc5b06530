/** Record schemas shared by every stage, their JSON form and the Kafka topic names. */
package org.watchfloor.model;
