package org.watchfloor.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the Elasticsearch server zip and unpacks it once into a shared cache directory. */
final class ElasticsearchDistribution {
  private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchDistribution.class);
  static final String ZIP_PROPERTY = "watchfloor.es.zip";
  static final String ZIP_ENV = "WATCHFLOOR_ES_ZIP";
  static final String CACHE_PROPERTY = "watchfloor.cache.dir";
  static final String CACHE_ENV = "WATCHFLOOR_CACHE_DIR";

  private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwxr-xr-x");
  private static final Set<PosixFilePermission> EXECUTABLE = DIR;
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r--r--");

  private ElasticsearchDistribution() {}

  /** The unpacked distribution (its {@code bin/elasticsearch} ready to run), unpacking it on first use. */
  static synchronized Path home(boolean sharedWithOtherUsers) {
    String version = DevStackVersions.elasticsearch();
    Path target = cacheRoot(sharedWithOtherUsers).resolve("elasticsearch-" + version);
    if (Files.isExecutable(target.resolve("bin/elasticsearch"))) {
      return target;
    }
    unpack(zip(version), target);
    return target;
  }

  static Path zip(String version) {
    String configured = System.getProperty(ZIP_PROPERTY, System.getenv(ZIP_ENV));
    Path zip;
    if (configured != null && !configured.isBlank()) {
      zip = Paths.get(configured);
    } else {
      String repo = System.getProperty("maven.repo.local",
          Paths.get(System.getProperty("user.home"), ".m2", "repository").toString());
      zip = Paths.get(repo, "org", "elasticsearch", "distribution", "integ-test-zip", "elasticsearch", version,
          "elasticsearch-" + version + ".zip");
    }
    if (!Files.isRegularFile(zip)) {
      throw new IllegalStateException("Elasticsearch server zip not found at " + zip + ". Fetch it with: ./mvnw -q "
          + "dependency:get -Dartifact=org.elasticsearch.distribution.integ-test-zip:elasticsearch:" + version
          + ":zip (or build the devstack module), or point -D" + ZIP_PROPERTY + " / " + ZIP_ENV + " at a copy.");
    }
    return zip;
  }

  /**
   * {@code ~/.cache/watchfloor}, unless configured; when the node must run as another user and that user cannot
   * reach the home directory (root's home is usually private), {@code /var/cache/watchfloor} instead.
   */
  static Path cacheRoot(boolean sharedWithOtherUsers) {
    String configured = System.getProperty(CACHE_PROPERTY, System.getenv(CACHE_ENV));
    if (configured != null && !configured.isBlank()) {
      return Paths.get(configured);
    }
    Path home = Paths.get(System.getProperty("user.home"), ".cache", "watchfloor");
    if (sharedWithOtherUsers && !traversableByOthers(home)) {
      return Paths.get("/var/cache/watchfloor");
    }
    return home;
  }

  private static boolean traversableByOthers(Path dir) {
    for (Path p = dir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
      try {
        if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
          return false;
        }
      } catch (IOException | UnsupportedOperationException e) {
        return false;
      }
    }
    return true;
  }

  private static void unpack(Path zip, Path target) {
    long t0 = System.nanoTime();
    Path parent = target.getParent();
    Path temp;
    try {
      Files.createDirectories(parent);
      setPermissions(parent, DIR);
      temp = Files.createTempDirectory(parent, ".unpack-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the cache directory " + parent, e);
    }
    try (ZipFile file = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String name = entry.getName();
        int slash = name.indexOf('/');
        // every entry sits under one top-level directory, elasticsearch-<version>/
        String relative = slash < 0 ? "" : name.substring(slash + 1);
        if (relative.isEmpty()) {
          continue;
        }
        Path out = temp.resolve(relative).normalize();
        if (!out.startsWith(temp)) {
          throw new IOException("zip entry escapes the target: " + name);
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
          continue;
        }
        Files.createDirectories(out.getParent());
        try (InputStream in = file.getInputStream(entry)) {
          Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      fixPermissions(temp);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
        // another JVM unpacked it first
        TempDirs.deleteTree(temp);
        if (!Files.isExecutable(target.resolve("bin/elasticsearch"))) {
          throw e;
        }
      }
    } catch (IOException e) {
      TempDirs.deleteTree(temp);
      throw new UncheckedIOException("cannot unpack " + zip + " into " + target, e);
    }
    LOG.info("Unpacked Elasticsearch {} into {} in {} ms", zip.getFileName(), target,
        (System.nanoTime() - t0) / 1_000_000);
  }

  /** Zip entries carry no Unix modes that java.util.zip can read: scripts need the executable bit back. */
  private static void fixPermissions(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        if (Files.isDirectory(p)) {
          setPermissions(p, DIR);
        } else {
          boolean script = root.relativize(p).startsWith("bin");
          setPermissions(p, script ? EXECUTABLE : FILE);
        }
      }
    }
  }

  private static void setPermissions(Path p, Set<PosixFilePermission> perms) throws IOException {
    try {
      Files.setPosixFilePermissions(p, perms);
    } catch (UnsupportedOperationException e) {
      p.toFile().setExecutable(true, false);
    }
  }
}
