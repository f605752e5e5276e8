package dev.sluice.lake;

import java.util.regex.Pattern;

/** Tenant ids become directory names ({@code tenant=<id>}), so they are restricted. */
public final class TenantIds {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");

  private TenantIds() {}

  public static boolean isValid(String tenantId) {
    return tenantId != null && VALID.matcher(tenantId).matches() && !tenantId.contains("..");
  }

  public static String require(String tenantId) {
    if (!isValid(tenantId)) {
      throw new IllegalArgumentException("tenant id must match " + VALID + ": " + tenantId);
    }
    return tenantId;
  }
}
