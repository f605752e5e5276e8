package dev.sluice.console.web;

import dev.sluice.console.backend.Principal;
import java.time.Instant;

/**
 * What the layout needs on every page: who is signed in, the CSRF token for forms, which
 * navigation entry is active, the page title, a one-shot notice and the clock's "now".
 */
public record PageContext(
    String title,
    Nav active,
    Principal principal,
    String csrfToken,
    Notice notice,
    int openAlerts,
    Instant now,
    String assetVersion) {

  /** Left navigation entries. */
  public enum Nav {
    MARKETPLACE, CONFIGURED, DATA_LAKE, ALERTS, APPLIANCES, DOMAINS_AND_IPS, USERS, API_TOKENS,
    AUDIT_LOG, NONE;

    public boolean integrations() {
      return this == MARKETPLACE || this == CONFIGURED;
    }
  }

  /** A message shown once at the top of the next page (after a redirect). */
  public record Notice(Tone tone, String text) {
    public enum Tone { SUCCESS, INFO, ERROR }

    public String toneClass() {
      return tone.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public boolean is(Nav nav) {
    return active == nav;
  }

  public String ariaCurrent(Nav nav) {
    return active == nav ? "page" : null;
  }

  public String relative(Instant time) {
    return Format.relative(time, now);
  }
}
