package dev.sluice.central;

import dev.sluice.central.auth.AuthService;
import dev.sluice.central.auth.Role;
import dev.sluice.central.auth.User;
import dev.sluice.central.db.Database;
import dev.sluice.central.tenant.LicensePack;
import dev.sluice.central.tenant.Tenant;
import dev.sluice.central.tenant.TenantService;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

/**
 * First start: creates the first tenant (with the Network integrations pack) and a platform
 * operator who is also that tenant's admin. The password comes from the options (environment
 * {@code SLUICE_BOOTSTRAP_ADMIN_PASSWORD}) or is generated and printed once.
 */
final class Bootstrap {
  static final String DEFAULT_EMAIL = "admin@sluice.local";
  static final String FIRST_TENANT_NAME = "First tenant";

  private Bootstrap() {}

  static void ensureOperator(CentralOptions options, Database database, AuthService auth, TenantService tenants,
      dev.sluice.central.audit.AuditLog audit) {
    if (!auth.noUsers()) {
      return;
    }
    String email = options.bootstrapAdminEmail().orElse(DEFAULT_EMAIL);
    boolean generated = options.bootstrapAdminPassword().isEmpty();
    String password = options.bootstrapAdminPassword().orElseGet(Bootstrap::generatePassword);
    User user = database.write(connection -> {
      Tenant tenant = tenants.createInitial(connection, FIRST_TENANT_NAME, List.of(LicensePack.NETWORK_INTEGRATIONS.id()));
      User operator = auth.insertUser(connection, tenant.id(), email, "Platform operator", password, Role.ADMIN, true);
      audit.recordSystem(connection, tenant.id(), "system", "bootstrap", "tenant", tenant.id(),
          Map.of("operator", operator.email(), "licensePacks", List.of(LicensePack.NETWORK_INTEGRATIONS.id())));
      return operator;
    });
    options.out().println("central: first start: created tenant \"" + FIRST_TENANT_NAME + "\" and operator " + user.email());
    if (generated) {
      options.out().println("central: generated password for " + user.email() + ": " + password
          + "  (shown once; set SLUICE_BOOTSTRAP_ADMIN_PASSWORD to choose it)");
    }
  }

  private static String generatePassword() {
    String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    SecureRandom random = new SecureRandom();
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      if (i > 0 && i % 5 == 0) {
        password.append('-');
      }
      password.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return password.toString();
  }
}
