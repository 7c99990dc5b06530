package org.watchfloor.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Names a classifier by what shapes its readings: its kind ({@code learned} or {@code rules}) and a digest of its
 * configuration files and model. Every enriched article carries it, so that articles read by an older classifier can
 * be found and read again.
 */
public final class ClassifierVersion {
  /** Hex digits of the digest a version keeps: enough to tell configurations apart, short enough to read. */
  static final int DIGITS = 12;

  private ClassifierVersion() {}

  /** {@code kind-} and the first twelve hex digits of a digest over the parts, in order. */
  public static String of(String kind, String... parts) {
    MessageDigest sha = sha256();
    for (String part : parts) {
      sha.update(part.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
    }
    return kind + "-" + HexFormat.of().formatHex(sha.digest()).substring(0, DIGITS);
  }

  /** A SHA-256 digest, in hex, of the files' bytes in order. */
  static String digestOf(List<Path> files) {
    MessageDigest sha = sha256();
    for (Path f : files) {
      try {
        sha.update(Files.readAllBytes(f));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + f, e);
      }
      sha.update((byte) 0);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
