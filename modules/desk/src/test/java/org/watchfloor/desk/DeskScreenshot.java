package org.watchfloor.desk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Takes the README's picture of a running desk in headless Chromium: the stream with the first HIGH (or higher)
 * article open.
 *
 * <pre>
 * ./watchfloor up --demo --desk-port 18686 &amp;
 * ./mvnw -q -o -pl modules/desk exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.watchfloor.desk.DeskScreenshot -Dexec.args="http://127.0.0.1:18686/ docs/desk.png"
 * </pre>
 */
public final class DeskScreenshot {
  private DeskScreenshot() {}

  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "http://127.0.0.1:8686/";
    Path out = Path.of(args.length > 1 ? args[1] : "target/desk.png").toAbsolutePath();
    ChromeDriver driver = DeskIT.browser();
    try {
      driver.get(url);
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
          .until(() -> driver.findElements(By.cssSelector("#stream li.row")).size() > 5);
      List<WebElement> high = driver.findElements(By.cssSelector("#stream li.row .level-HIGH, "
          + "#stream li.row .level-SEVERE"));
      if (!high.isEmpty()) {
        high.get(0).click();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
            .until(() -> !driver.findElements(By.cssSelector("#article-body mark, #article-body h3")).isEmpty());
      }
      Files.createDirectories(out.getParent());
      Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), out, StandardCopyOption.REPLACE_EXISTING);
      System.out.println("desk screenshot: " + out);
    } finally {
      driver.quit();
      Path profile = DeskIT.profile;
      if (profile != null) {
        try (var files = Files.walk(profile)) {
          files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
      }
    }
    System.exit(0);
  }
}
