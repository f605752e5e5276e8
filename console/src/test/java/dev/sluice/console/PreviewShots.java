package dev.sluice.console;

import java.nio.file.Path;
import org.openqa.selenium.By;

/** Screenshots of the preview server's pages: {@code PreviewShots BASE_URL OUT_DIR [width height]}. */
public final class PreviewShots {
  public static void main(String[] args) throws Exception {
    String base = args[0];
    Path out = Path.of(args[1]);
    int width = args.length > 2 ? Integer.parseInt(args[2]) : 1280;
    int height = args.length > 3 ? Integer.parseInt(args[3]) : 800;
    try (Browser browser = new Browser(Path.of("/tmp/console-preview-browser-" + System.nanoTime()), width, height)) {
      var d = browser.driver();
      d.get(base + "/console/sign-in");
      browser.screenshot(out.resolve("sign-in.png"));
      d.findElement(By.id("email")).sendKeys(FakeBackend.EMAIL);
      d.findElement(By.id("password")).sendKeys(FakeBackend.PASSWORD);
      d.findElement(By.cssSelector("button[type=submit]")).click();
      String[] pages = {"integrations/marketplace", "integrations/configured",
          "integrations/products/darktrace-detect", "integrations/products/darktrace-detect/new",
          "integrations/integration-3", "appliances", "appliances/appliance-2", "data-lake",
          "data-lake?sql=select+1", "alerts", "settings/domains-and-ips",
          "settings/domains-and-ips?first=darktrace-detect", "settings/users",
          "settings/api-tokens", "settings/audit-log"};
      for (String page : pages) {
        d.get(base + "/console/" + page);
        Thread.sleep(300);
        browser.fullPageScreenshot(out.resolve(page.replaceAll("[^a-z0-9-]+", "_") + ".png"));
        for (String error : browser.drainConsoleErrors()) {
          System.out.println("console error on " + page + ": " + error);
        }
      }
    }
  }
}
