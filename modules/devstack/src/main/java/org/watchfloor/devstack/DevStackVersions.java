package org.watchfloor.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The service versions, filtered into a resource from the parent POM so that each is defined once. */
final class DevStackVersions {
  private static final Properties VERSIONS = load();

  private DevStackVersions() {}

  static String elasticsearch() {
    return get("elasticsearch.version");
  }

  static String kafka() {
    return get("kafka.version");
  }

  private static String get(String key) {
    String value = VERSIONS.getProperty(key);
    if (value == null || value.isBlank() || value.startsWith("${")) {
      throw new IllegalStateException("devstack.properties lacks a filtered " + key + "; rebuild the devstack module");
    }
    return value;
  }

  private static Properties load() {
    Properties props = new Properties();
    try (InputStream in = DevStackVersions.class.getResourceAsStream("devstack.properties")) {
      if (in == null) {
        throw new IllegalStateException("devstack.properties is missing from the classpath");
      }
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read devstack.properties", e);
    }
    return props;
  }
}
