package org.watchfloor.pages.extract;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.watchfloor.devstack.SampleArticle;
import org.watchfloor.devstack.SampleSource;

/**
 * A second, independent check of extraction: the devstack sample site's pages, written by another engineer with their
 * own layout, scored against the paragraphs the site was rendered from.
 *
 * <p>Run: {@code ./mvnw -q -pl modules/pages exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.watchfloor.pages.extract.SampleSiteEvaluator}
 */
public final class SampleSiteEvaluator {
  private SampleSiteEvaluator() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    System.out.print(evaluate().format());
  }

  public static GoldSetEvaluator.Report evaluate() throws IOException, InterruptedException {
    ArticleExtractor extractor = new ArticleExtractor();
    HttpClient http = HttpClient.newHttpClient();
    List<GoldSetEvaluator.PageScore> scores = new ArrayList<>();
    try (SampleSource site = SampleSource.start()) {
      for (SampleArticle a : site.articles()) {
        String url = site.articleUrl(a);
        String html = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        scores.add(GoldSetEvaluator.score(a.slug(), extractor.extract(html, url).text(), a.text()));
      }
    }
    return new GoldSetEvaluator.Report(scores);
  }
}
