/** Loading YAML configuration from the config folder, with environment variables overriding it. */
package org.watchfloor.model.config;
