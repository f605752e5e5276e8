package dev.sluice.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Debian Chromium driven by Selenium, with a fresh profile, downloads into a folder,
 * screenshots, and the browser console's errors collected so tests can fail on them.
 */
public final class Browser implements AutoCloseable {

  private final ChromeDriver driver;
  private final Path profile;
  private final Path downloads;
  private final List<String> consoleErrors = new ArrayList<>();

  public Browser(Path workDir, int width, int height) throws IOException {
    this.profile = Files.createDirectories(workDir.resolve("chromium-profile"));
    this.downloads = Files.createDirectories(workDir.resolve("downloads"));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromiumBinary());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height, "--force-device-scale-factor=1",
        "--lang=en-US");
    // Central serves HTTPS with its own self-signed certificate.
    options.setAcceptInsecureCerts(true);
    options.setExperimentalOption("prefs", Map.of(
        "download.default_directory", downloads.toString(),
        "download.prompt_for_download", false,
        "safebrowsing.enabled", false));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
        .usingAnyFreePort()
        .build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    resize(width, height);
  }

  private static String chromiumBinary() {
    for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    throw new IllegalStateException("Chromium is not installed (apt-get install chromium"
        + " chromium-driver)");
  }

  public ChromeDriver driver() {
    return driver;
  }

  public Path downloads() {
    return downloads;
  }

  /** Sets the viewport (not the window) to exactly this size. */
  public void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height + 140));
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
        "width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
  }

  /** Saves a PNG of the viewport. */
  public Path screenshot(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.write(file, png);
    return file;
  }

  /** Saves a PNG of the whole page, as tall as its content (up to 4000 px). */
  public Path fullPageScreenshot(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Number width = (Number) driver.executeScript("return document.documentElement.clientWidth");
    Number height = (Number) driver.executeScript(
        "return Math.min(4000, document.documentElement.scrollHeight)");
    Map<String, Object> result = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
        "format", "png", "captureBeyondViewport", true,
        "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
    Files.write(file, java.util.Base64.getDecoder().decode((String) result.get("data")));
    return file;
  }

  /** Severe entries from the browser console since the last call (errors, CSP violations). */
  public List<String> drainConsoleErrors() {
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
        consoleErrors.add(entry.getMessage());
      }
    }
    List<String> errors = List.copyOf(consoleErrors);
    consoleErrors.clear();
    return errors;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
