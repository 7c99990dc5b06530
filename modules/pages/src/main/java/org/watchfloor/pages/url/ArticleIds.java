package org.watchfloor.pages.url;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Article ids: the first 32 hex characters of the SHA-256 of the URL's {@link UrlNormalizer#identityKey}. */
public final class ArticleIds {
  private ArticleIds() {}

  /**
   * Returns the id of the article at this URL.
   *
   * @throws IllegalArgumentException if the text is not an absolute http or https URL
   */
  public static String of(String url) {
    byte[] digest = sha256().digest(UrlNormalizer.identityKey(url).getBytes(StandardCharsets.UTF_8));
    StringBuilder sb = new StringBuilder(32);
    for (int i = 0; i < 16; i++) {
      sb.append(Character.forDigit((digest[i] >> 4) & 0xf, 16)).append(Character.forDigit(digest[i] & 0xf, 16));
    }
    return sb.toString();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
