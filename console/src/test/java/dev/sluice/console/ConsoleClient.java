package dev.sluice.console;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A cookie-keeping HTTP client for the console's pages, as a browser without JavaScript. */
final class ConsoleClient {

  private static final Pattern META_CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");
  private static final Pattern SIGN_IN_TOKEN = Pattern.compile("name=\"_signin\" value=\"([^\"]+)\"");

  private final String base;
  private final HttpClient http;
  private String csrf;

  ConsoleClient(String base) {
    this(base, HttpClient.newBuilder());
  }

  ConsoleClient(String base, HttpClient.Builder builder) {
    this.base = base;
    this.http = builder.cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Trusts whatever certificate the loopback server shows (central's self-signed one). */
  static HttpClient.Builder trustingLoopback() throws Exception {
    javax.net.ssl.TrustManager[] trustAll = {new javax.net.ssl.X509TrustManager() {
      @Override
      public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String type) {}

      @Override
      public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String type) {}

      @Override
      public java.security.cert.X509Certificate[] getAcceptedIssuers() {
        return new java.security.cert.X509Certificate[0];
      }
    }};
    javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
    context.init(null, trustAll, new java.security.SecureRandom());
    javax.net.ssl.SSLParameters parameters = new javax.net.ssl.SSLParameters();
    parameters.setEndpointIdentificationAlgorithm("");
    return HttpClient.newBuilder().sslContext(context).sslParameters(parameters);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    Matcher m = META_CSRF.matcher(response.body());
    if (m.find()) {
      csrf = m.group(1);
    }
    return response;
  }

  /** Follows redirects of GETs (after a POST, too), like a browser. */
  HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
    while (response.statusCode() / 100 == 3) {
      String location = response.headers().firstValue("Location").orElseThrow();
      response = get(location.startsWith("http") ? URI.create(location).getRawPath()
          + (URI.create(location).getRawQuery() == null ? "" : "?" + URI.create(location).getRawQuery())
          : location);
    }
    return response;
  }

  HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
    Map<String, String> withToken = new LinkedHashMap<>(form);
    if (csrf != null) {
      withToken.putIfAbsent("_csrf", csrf);
    }
    return postRaw(path, withToken);
  }

  HttpResponse<String> postRaw(String path, Map<String, String> form) throws IOException, InterruptedException {
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return http.send(HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> signIn(String email, String password) throws IOException, InterruptedException {
    HttpResponse<String> page = get("/console/sign-in");
    Matcher m = SIGN_IN_TOKEN.matcher(page.body());
    if (!m.find()) {
      throw new AssertionError("no sign-in token on the sign-in page");
    }
    return postRaw("/console/sign-in", Map.of("email", email, "password", password,
        "_signin", m.group(1), "next", "/console/integrations/marketplace"));
  }
}
