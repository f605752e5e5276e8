package dev.sluice.console.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SafeNextTest {
  @Test
  void onlyConsolePathsAreFollowedAfterSignIn() {
    assertEquals("/console/data-lake?window=7d", SignInPages.safeNext("/console/data-lake?window=7d"));
    String home = "/console/integrations/marketplace";
    assertEquals(home, SignInPages.safeNext(null));
    assertEquals(home, SignInPages.safeNext("https://evil.example/console/"));
    assertEquals(home, SignInPages.safeNext("//evil.example/console/"));
    assertEquals(home, SignInPages.safeNext("/console/\\evil"));
    assertEquals(home, SignInPages.safeNext("/api/v1/tenants"));
    assertEquals(home, SignInPages.safeNext("/console/sign-out"));
  }
}
