package dev.sluice.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Darktrace DETECT workflow in a real browser, step by step as an admin does it: sign in,
 * marketplace, the domains-and-IPs prompt, setup steps, save, wait for the image, download it,
 * boot an appliance from it, send alerts, see health turn green and the alerts in the Data Lake.
 * A screenshot of every step goes to {@code target/console-screenshots}; any error in the
 * browser's console fails the step.
 */
class ConsoleWorkflowBrowserTest {

  static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

  @TempDir
  static Path work;
  private static WorkflowStack stack;
  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    stack = new CentralStack(work);
    browser = new Browser(work, 1280, 800);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  private WebDriver d() {
    return browser.driver();
  }

  private WebDriverWait waitUpTo(int seconds) {
    WebDriverWait wait = new WebDriverWait(d(), Duration.ofSeconds(seconds), Duration.ofMillis(200));
    // htmx replaces polled parts of the page; an element found a moment ago may be gone.
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return wait;
  }

  /** Screenshot of the whole page, and no browser errors so far. */
  private void step(String name) throws IOException {
    browser.fullPageScreenshot(SCREENSHOTS.resolve(name + ".png"));
    assertEquals(List.of(), browser.drainConsoleErrors(), "browser console errors at " + name);
  }

  private void type(String id, String text) {
    WebElement field = d().findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  @Test
  void adminSetsUpDarktraceDetectAndSeesAlertsInTheLake() throws Exception {
    // Sign in.
    d().get(stack.baseUrl() + "/console/");
    waitUpTo(10).until(ExpectedConditions.urlContains("/console/sign-in"));
    type("email", stack.email());
    type("password", stack.password());
    step("01-sign-in");
    d().findElement(By.id("password")).sendKeys(Keys.ENTER);

    // Marketplace: two distinct Darktrace cards.
    waitUpTo(10).until(ExpectedConditions.urlContains("/console/integrations/marketplace"));
    assertTrue(d().findElement(By.id("product-darktrace-detect")).isDisplayed());
    assertTrue(d().findElement(By.id("product-darktrace-email")).isDisplayed());
    step("02-marketplace");
    d().findElement(By.linkText("Darktrace DETECT")).click();

    // The product page with Data Ingest (Security Alerts), still empty.
    waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(
        By.id("ingest-title"), "Data Ingest (Security Alerts)"));
    step("03-darktrace-detect");
    d().findElement(By.cssSelector(".panel-head a.btn-primary")).click();

    // First integration: domains and IPs first, CIDR checked as you type.
    waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(
        By.tagName("h1"), "First, your domains and IPs"));
    WebElement ranges = d().findElement(By.id("ipRanges"));
    assertTrue(ranges.getAttribute("value").contains("10.0.0.0/8"), "defaults shown");
    ranges.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\n192.168.40.0/33");
    WebElement problem = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#ipRanges-check .field-error")));
    assertTrue(problem.getText().contains("192.168.40.0/33"), problem.getText());
    type("domains", "corp.example.com");
    step("04-domains-and-ips-error-as-you-type");
    ranges.sendKeys(Keys.BACK_SPACE, Keys.BACK_SPACE, "24");
    waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#ipRanges-check [data-valid=true]")));
    step("05-domains-and-ips");
    d().findElement(By.cssSelector(".form-actions button[type=submit]")).click();

    // Integration setup steps.
    waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(
        By.tagName("h1"), "Integration setup steps"));
    type("name", "London HQ DETECT");
    type("description", "Master and probes of the London office");
    type("applianceName", "lon-collector-01");
    type("applianceDescription", "Rack 4, ESXi cluster A");
    d().findElement(By.cssSelector("input[name=networkMode][value=dhcp]")).click();
    type("syslogAddress", stack.syslogAddress());
    assertEquals("TCP", d().findElement(By.cssSelector(".fixed-value")).getText());
    step("06-setup-steps");
    d().findElement(By.cssSelector(".form-actions button[type=submit]")).click();

    // Saved: the row with its port, the image building.
    WebElement notice = waitUpTo(15).until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".notice-success")));
    assertTrue(notice.getText().contains("listens on port"), notice.getText());
    WebElement row = d().findElement(By.cssSelector("tr[data-integration-id]"));
    String integrationId = row.getAttribute("data-integration-id");
    int port = Integer.parseInt(row.findElement(By.cssSelector(".port")).getText());
    step("07-saved-image-building");

    // The image becomes ready without reloading; download it from the row's actions.
    By rowBy = By.id("integration-" + integrationId);
    waitUpTo(180).until(x -> x.findElement(rowBy).getText().contains("Ready"));
    d().findElement(rowBy).findElement(By.cssSelector("summary")).click();
    WebElement download = d().findElement(rowBy).findElement(By.linkText("Download OVA for ESXi"));
    step("08-image-ready");
    download.click();
    Path image = waitUpTo(120).until(x -> downloaded(".ova").orElse(null));
    assertTrue(Files.size(image) > 0);

    // Integration details: everything Darktrace needs, waiting for deployment.
    d().get(stack.baseUrl() + "/console/integrations/" + integrationId);
    assertTrue(d().findElement(By.id("howto-title")).getText().contains("How to configure"));
    assertTrue(d().getPageSource().contains("data-copy=\"" + port + "\""));
    step("09-details-waiting-for-deployment");

    // Boot an appliance from the downloaded image; the console sees it online.
    stack.bootAppliance(image);
    waitUpTo(120).until(x -> x.findElement(By.cssSelector("[data-check=online]")).getText()
        .contains("Appliance online"));
    step("10-appliance-online");

    // Darktrace verifies alert sending, then sends alerts: health turns green.
    stack.sendAlerts(port, 25);
    waitUpTo(120).until(x -> x.findElement(By.cssSelector("[data-check=test-alert]")).getText()
        .contains("Test alert received"));
    waitUpTo(120).until(x -> "RECEIVING_DATA".equals(x.findElement(By.cssSelector(
        "[data-health-status]")).getAttribute("data-health-status")));
    waitUpTo(30).until(x -> x.findElement(By.id("status-pill")).getText().contains("Receiving data"));
    waitUpTo(60).until(x -> "26".equals(x.findElement(By.cssSelector("[data-stat=accepted]")).getText()));
    // The image was used by the appliance that enrolled with it: it cannot be deployed again.
    waitUpTo(30).until(x -> !x.findElements(By.cssSelector("[data-image-state=CONSUMED]")).isEmpty());
    ((JavascriptExecutor) d()).executeScript("window.scrollTo(0, 0)");
    step("11-receiving-data");

    // The alerts are in the Data Lake page.
    d().findElement(By.linkText("Data Lake")).click();
    waitUpTo(10).until(ExpectedConditions.urlContains("/console/data-lake"));
    d().findElement(By.cssSelector("[data-example-sql]")).click();
    d().findElement(By.cssSelector("#query-form button[type=submit]")).click();
    waitUpTo(60).until(x -> !x.findElements(By.cssSelector(".results-table tbody tr")).isEmpty());
    int chartTotal = Integer.parseInt(d().findElement(By.cssSelector("svg.chart"))
        .getAttribute("data-chart-total"));
    assertTrue(chartTotal >= 25, "chart counts the alerts: " + chartTotal);
    step("12-data-lake");

    // A result of many pages reads forward and back from the same finished run.
    WebElement editor = d().findElement(By.id("sql"));
    editor.clear();
    editor.sendKeys("SELECT a.event_id AS first, b.event_id AS second FROM alerts a, alerts b ORDER BY 1, 2");
    d().findElement(By.cssSelector("#query-form button[type=submit]")).click();
    waitUpTo(60).until(x -> !x.findElements(By.cssSelector("a[rel=next]")).isEmpty());
    d().findElement(By.cssSelector("a[rel=next]")).click();
    waitUpTo(30).until(x -> x.findElement(By.cssSelector(".results-meta")).getText().contains("page 2"));
    String secondPageFirstRow = firstResultRow();
    d().findElement(By.cssSelector("a[rel=next]")).click();
    waitUpTo(30).until(x -> x.findElement(By.cssSelector(".results-meta")).getText().contains("page 3"));
    assertNotEquals(secondPageFirstRow, firstResultRow());
    d().findElement(By.cssSelector("a[rel=prev]")).click();
    waitUpTo(30).until(x -> x.findElement(By.cssSelector(".results-meta")).getText().contains("page 2"));
    assertEquals(secondPageFirstRow, firstResultRow(), "previous page shows the same rows again");

    d().findElement(By.linkText("Alerts")).click();
    waitUpTo(10).until(ExpectedConditions.urlContains("/console/alerts"));
    step("13-alerts");

    // A narrow window: navigation behind the menu button.
    browser.resize(420, 860);
    d().get(stack.baseUrl() + "/console/integrations/" + integrationId);
    d().findElement(By.cssSelector("[data-nav-toggle]")).click();
    step("14-narrow-window");
    browser.resize(1280, 800);
  }

  private String firstResultRow() {
    return d().findElement(By.cssSelector(".results-table tbody tr")).getText();
  }

  private Optional<Path> downloaded(String suffix) {
    try (Stream<Path> files = Files.list(browser.downloads())) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
