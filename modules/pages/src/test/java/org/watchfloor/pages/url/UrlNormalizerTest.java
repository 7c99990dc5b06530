package org.watchfloor.pages.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlNormalizerTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "HTTPS://News.Example.COM/World/Asia/Story-1 | https://news.example.com/World/Asia/Story-1",
      "https://example.com:443/a | https://example.com/a",
      "http://example.com:80/a | http://example.com/a",
      "http://example.com:8080/a | http://example.com:8080/a",
      "https://example.com/a#comments | https://example.com/a",
      "https://example.com/a?utm_source=rss&utm_medium=feed&utm_campaign=x | https://example.com/a",
      "https://example.com/a?id=7&fbclid=IwAR0abc&gclid=xyz | https://example.com/a?id=7",
      "https://example.com/a?mc_cid=1&mc_eid=2&page=2 | https://example.com/a?page=2",
      "https://example.com/a?b=2&a=1 | https://example.com/a?a=1&b=2",
      "https://example.com/a?tag=x&tag=a | https://example.com/a?tag=x&tag=a",
      "https://example.com/news/story/ | https://example.com/news/story",
      "https://example.com | https://example.com/",
      "https://example.com/ | https://example.com/",
      "https://example.com/a/./b/../c | https://example.com/a/c",
      "https://example.com/%7Euser/caf%c3%a9 | https://example.com/~user/caf%C3%A9",
      "https://example.com/a? | https://example.com/a",
      "https://example.com./a | https://example.com/a",
      "https://bücher.example/a | https://xn--bcher-kva.example/a",
      "'  https://example.com/a b  ' | https://example.com/a%20b",
  })
  void normalises(String input, String expected) {
    assertThat(UrlNormalizer.normalize(input)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://example.com/a", "mailto:desk@example.com", "/relative/path", "not a url at all",
      "https:///no-host"})
  void rejectsWhatIsNotAnHttpUrl(String input) {
    assertThatThrownBy(() -> UrlNormalizer.normalize(input)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0} and {1} are one article")
  @CsvSource(delimiter = '|', value = {
      "https://www.example.com/news/1?utm_source=feedA | http://example.com/news/1/?utm_source=feedB#top",
      "https://Example.com:443/news/1?b=2&a=1 | https://example.com/news/1?a=1&b=2&fbclid=zzz",
  })
  void sameArticleThroughTwoFeedsGetsOneId(String a, String b) {
    assertThat(ArticleIds.of(a)).isEqualTo(ArticleIds.of(b)).hasSize(32).matches("[0-9a-f]{32}");
  }

  @ParameterizedTest(name = "{0} and {1} are different articles")
  @CsvSource(delimiter = '|', value = {
      "https://example.com/news/1 | https://example.com/news/2",
      "https://example.com/news?id=1 | https://example.com/news?id=2",
      "https://example.com/News/1 | https://example.com/news/1",
      "https://example.com:8080/news/1 | https://example.com/news/1",
  })
  void differentArticlesGetDifferentIds(String a, String b) {
    assertThat(ArticleIds.of(a)).isNotEqualTo(ArticleIds.of(b));
  }
}
