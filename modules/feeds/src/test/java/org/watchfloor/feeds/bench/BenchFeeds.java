package org.watchfloor.feeds.bench;

import java.nio.charset.StandardCharsets;

/** Realistic feed bodies for the benchmarks: 50 items with HTML summaries, guids and dates. */
final class BenchFeeds {
  private BenchFeeds() {}

  static final String SUMMARY = "&lt;p&gt;North Korea fired what appeared to be a short-range ballistic missile "
      + "into the sea off its east coast on Monday, South Korea's Joint Chiefs of Staff said, days after the "
      + "United States, South Korea and Japan wrapped up &lt;a href=\"https://example.org/x\"&gt;trilateral "
      + "exercises&lt;/a&gt; that Pyongyang condemned as a rehearsal for invasion.&lt;/p&gt;";

  static byte[] rss(int items, int variant) {
    StringBuilder sb = new StringBuilder(items * 900);
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
        + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:media=\"http://search.yahoo.com/mrss/\">\n<channel>\n"
        + "<title>Korea Desk</title><link>https://news.example.org/</link>"
        + "<description>Latest news from the Korean peninsula</description><language>en</language>\n");
    for (int i = 0; i < items; i++) {
      int n = variant * 1000 + i;
      sb.append("<item><title>North Korea fires missile as allies end drills, report ").append(n)
          .append("</title>\n<link>https://news.example.org/2026/11/23/korea-missile-").append(n).append("</link>\n")
          .append("<guid isPermaLink=\"false\">urn:news:").append(n).append("</guid>\n")
          .append("<pubDate>Mon, 23 Nov 2026 0").append(i % 10).append(":").append(10 + i % 50)
          .append(":00 GMT</pubDate>\n<dc:creator>Desk reporter</dc:creator>\n")
          .append("<category>Security</category><category>North Korea</category>\n")
          .append("<description>").append(SUMMARY).append("</description>\n")
          .append("<media:thumbnail url=\"https://news.example.org/img/").append(n).append(".jpg\"/></item>\n");
    }
    return sb.append("</channel></rss>\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] atom(int entries) {
    StringBuilder sb = new StringBuilder(entries * 900);
    sb.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        + "<title>Atom Desk</title><link href=\"https://atom.example.org/\"/><id>urn:desk</id>"
        + "<updated>2026-11-23T00:00:00Z</updated>\n");
    for (int i = 0; i < entries; i++) {
      sb.append("<entry><title>Japan scrambles jets over the Sea of Japan, report ").append(i).append("</title>")
          .append("<link href=\"https://atom.example.org/e/").append(i).append("\"/>")
          .append("<id>tag:atom.example.org,2026:").append(i).append("</id>")
          .append("<published>2026-11-22T23:").append(10 + i % 50).append(":00Z</published>")
          .append("<updated>2026-11-23T00:00:00Z</updated><author><name>Desk</name></author>")
          .append("<summary type=\"html\">").append(SUMMARY).append("</summary></entry>\n");
    }
    return sb.append("</feed>\n").toString().getBytes(StandardCharsets.UTF_8);
  }
}
