package org.watchfloor.devstack;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.watchfloor.model.TensionLevel;

/** Loads the sample articles, written for this project, from {@code sample-articles.yaml}. */
final class SampleArticles {
  static final String RESOURCE = "sample-articles.yaml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private SampleArticles() {}

  /** The stored form: ages instead of dates, so that the site always looks recent. */
  record Entry(String slug, String title, String summary, String author, double hoursAgo, String region,
      List<String> actors, List<String> topics, TensionLevel tension, List<String> paragraphs) {}

  /** Every article, newest first, dated relative to {@code now} and spread across the feeds in turn. */
  static List<SampleArticle> load(Instant now) {
    List<Entry> entries;
    try (InputStream in = SampleArticles.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      entries = YAML.readValue(in, new TypeReference<List<Entry>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    Set<String> slugs = new HashSet<>();
    List<SampleArticle> articles = new ArrayList<>();
    SampleFeed[] feeds = SampleFeed.values();
    Instant base = now.truncatedTo(ChronoUnit.SECONDS);
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      if (!slugs.add(e.slug())) {
        throw new IllegalStateException(RESOURCE + ": duplicate slug " + e.slug());
      }
      Instant published = base.minusSeconds(Math.round(e.hoursAgo() * 3600));
      articles.add(new SampleArticle(e.slug(), e.title(), e.summary(), e.paragraphs(), e.author(), published,
          e.region(), e.actors(), e.topics(), e.tension(), feeds[i % feeds.length]));
    }
    articles.sort(Comparator.comparing(SampleArticle::published).reversed());
    return List.copyOf(articles);
  }
}
