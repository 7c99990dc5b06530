package org.watchfloor.devstack;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.watchfloor.model.TensionLevel;

/**
 * One article of the {@link SampleSource} news site, with what the pipeline is expected to find in it.
 *
 * @param slug the page name, {@code /articles/<slug>.html}
 * @param paragraphs the body text, one entry per paragraph
 * @param published relative to when the source started, so that time-based views look alive
 * @param region the sample region, e.g. {@code korean-peninsula}, {@code taiwan-strait}, {@code ukraine-russia}
 * @param actors expected state actors, ISO 3166-1 alpha-3, the main ones first
 * @param topics expected topic ids, e.g. {@code military}, {@code nuclear_missiles}, {@code diplomacy}
 * @param tension the expected tension level
 * @param feed the one feed that lists this article
 */
public record SampleArticle(
    String slug,
    String title,
    String summary,
    List<String> paragraphs,
    String author,
    Instant published,
    String region,
    List<String> actors,
    List<String> topics,
    TensionLevel tension,
    SampleFeed feed) {

  public SampleArticle {
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(feed, "feed");
    paragraphs = List.copyOf(paragraphs);
    actors = List.copyOf(actors);
    topics = List.copyOf(topics);
  }

  /** The page path on the sample site. */
  public String path() {
    return "/articles/" + slug + ".html";
  }

  /** The whole body as plain text, paragraphs separated by blank lines. */
  public String text() {
    return String.join("\n\n", paragraphs);
  }
}
