package dev.sluice.console.integrations;

import dev.sluice.console.backend.Appliances;
import dev.sluice.console.backend.Appliances.Appliance;
import dev.sluice.console.backend.Appliances.Image;
import dev.sluice.console.backend.Catalog.Product;
import dev.sluice.console.backend.ConsoleBackend;
import dev.sluice.console.backend.Integrations.Integration;
import dev.sluice.console.backend.Outcome;
import dev.sluice.console.backend.Principal;
import dev.sluice.console.web.ConsoleSession;
import dev.sluice.console.web.FormState;
import dev.sluice.console.web.PageContext;
import dev.sluice.console.web.PageContext.Nav;
import dev.sluice.console.web.PageContext.Notice.Tone;
import dev.sluice.console.web.Pages;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Marketplace, configured integrations, a product's page with its integrations, the setup
 * steps, and an integration's details with live health.
 */
public final class IntegrationPages {

  static final String DOMAINS_REQUIRED = "DOMAINS_AND_IPS_REQUIRED";

  private final Pages pages;
  private final ConsoleBackend backend;

  public IntegrationPages(Pages pages) {
    this.pages = pages;
    this.backend = pages.backend();
  }

  public void addTo(JavalinConfig config) {
    String root = Pages.ROOT + "/integrations";
    config.routes.get(root, pages.view((ctx, s) -> ctx.redirect(root + "/marketplace")));
    config.routes.get(root + "/marketplace", pages.view(this::marketplace));
    config.routes.get(root + "/configured", pages.view(this::configured));
    config.routes.get(root + "/products/{product}", pages.view(this::product));
    config.routes.get(root + "/products/{product}/new", pages.view(this::setupForm));
    config.routes.post(root + "/products/{product}/new", pages.action(this::create));
    config.routes.get(root + "/{id}", pages.view(this::details));
    config.routes.get(root + "/{id}/row", pages.view(this::row));
    config.routes.get(root + "/{id}/health", pages.view(this::health));
    config.routes.post(root + "/{id}/delete", pages.action(this::delete));
  }

  private void marketplace(Context ctx, ConsoleSession session) {
    List<Product> products = backend.catalog().products(session.principal());
    pages.render(ctx, "integrations/marketplace.jte",
        pages.context(session, "Marketplace", Nav.MARKETPLACE), "products", products);
  }

  private void configured(Context ctx, ConsoleSession session) {
    Principal principal = session.principal();
    Map<String, Product> products = new LinkedHashMap<>();
    for (Product product : backend.catalog().products(principal)) {
      products.put(product.id(), product);
    }
    pages.render(ctx, "integrations/configured.jte",
        pages.context(session, "Configured integrations", Nav.CONFIGURED),
        "rows", rows(principal, backend.integrations().list(principal)),
        "products", products,
        "domains", backend.domainsAndIps().get(principal));
  }

  private void product(Context ctx, ConsoleSession session) {
    Principal principal = session.principal();
    Optional<Product> product = backend.catalog().product(principal, ctx.pathParam("product"));
    if (product.isEmpty()) {
      pages.notFound(ctx, session, "Product");
      return;
    }
    List<Integration> integrations = backend.integrations().list(principal).stream()
        .filter(i -> i.productId().equals(product.get().id()))
        .toList();
    pages.render(ctx, "integrations/product.jte",
        pages.context(session, product.get().name(), Nav.MARKETPLACE),
        "product", product.get(),
        "rows", rows(principal, integrations));
  }

  private void setupForm(Context ctx, ConsoleSession session) {
    Principal principal = session.principal();
    Optional<Product> product = backend.catalog().product(principal, ctx.pathParam("product"));
    if (product.isEmpty()) {
      pages.notFound(ctx, session, "Product");
      return;
    }
    if (!backend.domainsAndIps().get(principal).confirmed()) {
      ctx.redirect(Pages.ROOT + "/settings/domains-and-ips?first=" + product.get().id(),
          HttpStatus.SEE_OTHER);
      return;
    }
    renderSetup(ctx, session, product.get(), FormState.of(SetupForm.defaults()), null);
  }

  private void create(Context ctx, ConsoleSession session) {
    Principal principal = session.principal();
    Optional<Product> product = backend.catalog().product(principal, ctx.pathParam("product"));
    if (product.isEmpty()) {
      pages.notFound(ctx, session, "Product");
      return;
    }
    Map<String, String> values = Pages.formValues(ctx, SetupForm.FIELDS);
    FormState form = FormState.of(values);
    Map<String, String> errors = SetupForm.check(values);
    if (!errors.isEmpty()) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      renderSetup(ctx, session, product.get(), form.withErrors(errors), null);
      return;
    }
    Outcome<Integration> outcome = backend.integrations()
        .create(principal, SetupForm.request(product.get().id(), values));
    if (outcome instanceof Outcome.Ok<Integration> ok) {
      Integration created = ok.value();
      startFirstImage(principal, created);
      pages.notice(session, Tone.SUCCESS, "\u201c" + created.name() + "\u201d was created and"
          + " listens on port " + created.port() + ". The appliance image is being built; it"
          + " can be downloaded from the Actions menu when it is ready.");
      ctx.redirect(Pages.ROOT + "/integrations/products/" + product.get().id() + "?created="
          + created.id(), HttpStatus.SEE_OTHER);
    } else if (outcome instanceof Outcome.Invalid<Integration> invalid) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      renderSetup(ctx, session, product.get(), form.withErrors(invalid.fieldErrors()), null);
    } else if (outcome instanceof Outcome.Refused<Integration> refused) {
      if (DOMAINS_REQUIRED.equals(refused.code())) {
        ctx.redirect(Pages.ROOT + "/settings/domains-and-ips?first=" + product.get().id(),
            HttpStatus.SEE_OTHER);
        return;
      }
      ctx.status(HttpStatus.CONFLICT);
      renderSetup(ctx, session, product.get(), form, refused);
    }
  }

  /** A new appliance needs an image before anything else can happen: start building it now. */
  private void startFirstImage(Principal principal, Integration created) {
    Optional<Appliance> appliance = backend.appliances().get(principal, created.applianceId());
    if (appliance.isPresent()
        && backend.appliances().image(principal, appliance.get().id(), appliance.get().platform())
            .isEmpty()
        && !appliance.get().online()) {
      backend.appliances().buildImage(principal, appliance.get().id(), appliance.get().platform());
    }
  }

  private void renderSetup(Context ctx, ConsoleSession session, Product product, FormState form,
      Outcome.Refused<?> refused) {
    List<Appliance> appliances = backend.appliances().list(session.principal());
    pages.render(ctx, "integrations/setup.jte",
        pages.context(session, "Add " + product.name(), Nav.MARKETPLACE),
        "product", product,
        "form", form,
        "appliances", appliances,
        "refused", refused);
  }

  private void details(Context ctx, ConsoleSession session) {
    Principal principal = session.principal();
    Optional<Integration> integration = backend.integrations().get(principal, ctx.pathParam("id"));
    if (integration.isEmpty()) {
      pages.notFound(ctx, session, "Integration");
      return;
    }
    Optional<Product> product = backend.catalog().product(principal, integration.get().productId());
    IntegrationRow row = row(principal, integration.get());
    pages.render(ctx, "integrations/details.jte",
        pages.context(session, integration.get().name(), Nav.CONFIGURED),
        "row", row,
        "productName", product.map(Product::name).orElse(integration.get().productId()),
        "health", backend.integrations().health(principal, integration.get().id()).orElse(null));
  }

  /** The list row alone; the page polls it while the image builds. */
  private void row(Context ctx, ConsoleSession session) {
    polledIntegration(ctx, session).ifPresent(integration -> pages.fragment(ctx,
        "integrations/row.jte",
        "row", row(session.principal(), integration),
        "now", pages.clock().instant(),
        "csrf", session.csrfToken()));
  }

  /** The health panel alone; the details page polls it. */
  private void health(Context ctx, ConsoleSession session) {
    polledIntegration(ctx, session).ifPresent(integration -> pages.fragment(ctx,
        "integrations/health.jte",
        "integration", integration,
        "health", backend.integrations().health(session.principal(), integration.id()).orElse(null),
        "now", pages.clock().instant()));
  }

  /** The integration a polled fragment is about; a bare 404 (no page) when it is gone. */
  private Optional<Integration> polledIntegration(Context ctx, ConsoleSession session) {
    Optional<Integration> integration =
        backend.integrations().get(session.principal(), ctx.pathParam("id"));
    if (integration.isEmpty()) {
      ctx.status(HttpStatus.NOT_FOUND);
    }
    return integration;
  }

  private void delete(Context ctx, ConsoleSession session) {
    Outcome<Integration> outcome =
        backend.integrations().delete(session.principal(), ctx.pathParam("id"));
    if (outcome instanceof Outcome.Ok<Integration> ok) {
      pages.notice(session, Tone.SUCCESS, "\u201c" + ok.value().name() + "\u201d was deleted and"
          + " its port " + ok.value().port() + " is free again.");
      pages.redirect(ctx, Pages.ROOT + "/integrations/products/" + ok.value().productId());
    } else if (outcome instanceof Outcome.Refused<Integration> refused) {
      pages.notice(session, Tone.ERROR, refused.message() + " (" + refused.code() + ")");
      pages.redirect(ctx, Pages.ROOT + "/integrations/" + ctx.pathParam("id"));
    } else {
      pages.redirect(ctx, Pages.ROOT + "/integrations/" + ctx.pathParam("id"));
    }
  }

  private List<IntegrationRow> rows(Principal principal, List<Integration> integrations) {
    Map<String, Appliance> appliances = new LinkedHashMap<>();
    for (Appliance appliance : backend.appliances().list(principal)) {
      appliances.put(appliance.id(), appliance);
    }
    List<IntegrationRow> rows = new ArrayList<>();
    for (Integration integration : integrations) {
      Appliance appliance = appliances.get(integration.applianceId());
      rows.add(new IntegrationRow(integration, appliance, image(principal, appliance)));
    }
    rows.sort(Comparator.comparing((IntegrationRow r) -> r.integration().createdAt()).reversed());
    return rows;
  }

  private IntegrationRow row(Principal principal, Integration integration) {
    Appliance appliance =
        backend.appliances().get(principal, integration.applianceId()).orElse(null);
    return new IntegrationRow(integration, appliance, image(principal, appliance));
  }

  private Image image(Principal principal, Appliance appliance) {
    if (appliance == null) {
      return null;
    }
    Appliances appliancesApi = backend.appliances();
    return appliancesApi.image(principal, appliance.id(), appliance.platform()).orElse(null);
  }

  /** For templates: the tone class of a product card's state. */
  public static String stateClass(Product product) {
    return "state-" + product.state().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
  }
}
