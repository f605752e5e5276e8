package dev.sluice.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages' own behaviour in a real browser (as-you-type checks, menus, narrow windows, the
 * keyboard), on the fake backend. The whole workflow on the real backend is
 * {@code ConsoleWorkflowBrowserTest}.
 */
class ConsoleBrowserTest {

  @TempDir
  static Path work;
  private static Javalin app;
  private static FakeBackend fake;
  private static Browser browser;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    fake = ConsolePreview.seeded(Clock.systemUTC());
    fake.buildTime = Duration.ofMillis(1500);
    app = Javalin.create(new Console(fake.backend(), Clock.systemUTC(), false)::addTo)
        .start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + app.port();
    browser = new Browser(work, 1280, 800);
    browser.driver().get(base + "/console/sign-in");
    browser.driver().findElement(By.id("email")).sendKeys(FakeBackend.EMAIL);
    browser.driver().findElement(By.id("password")).sendKeys(FakeBackend.PASSWORD, Keys.ENTER);
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("/console/integrations/marketplace"));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (app != null) {
      app.stop();
    }
  }

  @AfterEach
  void noBrowserConsoleErrors() {
    browser.resize(1280, 800);
    assertEquals(List.of(), browser.drainConsoleErrors());
  }

  private WebDriverWait waitUpTo(int seconds) {
    return new WebDriverWait(browser.driver(), Duration.ofSeconds(seconds));
  }

  @Test
  void everyPageLoadsWithoutBrowserErrors() {
    for (String page : List.of("integrations/marketplace", "integrations/configured",
        "integrations/products/darktrace-detect", "integrations/products/darktrace-detect/new",
        "appliances", "data-lake", "data-lake?sql=select+1&window=7d", "alerts",
        "settings/domains-and-ips", "settings/users", "settings/api-tokens", "settings/audit-log")) {
      browser.driver().get(base + "/console/" + page);
      assertTrue(browser.driver().findElement(By.tagName("h1")).isDisplayed(), page);
      assertEquals(List.of(), browser.drainConsoleErrors(), page);
    }
  }

  @Test
  void invalidRangeIsNamedNextToTheFieldWhileTyping() {
    browser.driver().get(base + "/console/settings/domains-and-ips");
    WebElement ranges = browser.driver().findElement(By.id("ipRanges"));
    ranges.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\n10.1.2.300/24");
    WebElement check = waitUpTo(5).until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#ipRanges-check .field-error")));
    assertTrue(check.getText().contains("10.1.2.300/24"), check.getText());
    ranges.clear();
    ranges.sendKeys("10.0.0.0/8\n10.1.2.0/24");
    waitUpTo(5).until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#ipRanges-check [data-valid=true]")));
  }

  @Test
  void setupFormShowsOnlyTheFieldsOfTheChosenOptions() {
    browser.driver().get(base + "/console/integrations/products/darktrace-detect/new");
    WebElement address = browser.driver().findElement(By.id("address"));
    assertTrue(!address.isDisplayed(), "manual fields hidden while DHCP is chosen");
    browser.driver().findElement(By.cssSelector("input[name=networkMode][value=manual]")).click();
    assertTrue(address.isDisplayed());
    browser.driver().findElement(By.cssSelector("input[name=applianceMode][value=existing]")).click();
    assertTrue(browser.driver().findElement(By.id("applianceId")).isDisplayed());
    assertTrue(!browser.driver().findElement(By.id("applianceName")).isDisplayed());
  }

  @Test
  void narrowWindowHidesTheNavigationBehindTheMenuButton() throws Exception {
    browser.resize(420, 800);
    browser.driver().get(base + "/console/integrations/marketplace");
    WebElement nav = browser.driver().findElement(By.id("sidenav"));
    WebElement toggle = browser.driver().findElement(By.cssSelector("[data-nav-toggle]"));
    assertTrue(toggle.isDisplayed());
    assertTrue(nav.getRect().getX() + nav.getRect().getWidth() <= 0, "nav off screen");
    toggle.click();
    waitUpTo(3).until(d -> nav.getRect().getX() >= 0);
    assertEquals("true", toggle.getAttribute("aria-expanded"));
    Number scrollWidth = (Number) browser.driver().executeScript(
        "return document.documentElement.scrollWidth");
    assertTrue(scrollWidth.intValue() <= 420, "no sideways scrolling: " + scrollWidth);
    browser.screenshot(work.resolve("narrow.png"));
  }

  @Test
  void keyboardReachesTheMainActionWithVisibleFocus() {
    browser.driver().get(base + "/console/integrations/products/darktrace-detect");
    WebElement body = browser.driver().findElement(By.tagName("body"));
    body.sendKeys(Keys.TAB);
    WebElement skip = browser.driver().switchTo().activeElement();
    assertEquals("Skip to content", skip.getText());
    for (int i = 0; i < 40; i++) {
      WebElement active = browser.driver().switchTo().activeElement();
      if (active.getText().contains("Add Configuration")) {
        String outline = active.getCssValue("outline-style");
        assertTrue(!"none".equals(outline), "focus is visible");
        return;
      }
      active.sendKeys(Keys.TAB);
    }
    throw new AssertionError("Add Configuration is not reachable with Tab");
  }
}
