package dev.sluice.darktrace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.darktrace.internal.IpAddresses;
import dev.sluice.ocsf.NetworkScope;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What Sluice knows about a tenant's own network, used to mark addresses and hostnames as
 * internal or external. The internal ranges always include the seven default ranges
 * ({@link #DEFAULT_RANGES}); the tenant's ranges are added to them.
 *
 * <p>JSON form ({@code --tenant-context FILE}, and the appliance configuration):
 * <pre>{"tenant_uid": "acme", "internal_domains": ["corp.example"], "internal_ip_ranges": ["203.0.113.0/24"]}</pre>
 * All keys are optional; the camelCase names of the control-plane API ({@code tenantUid},
 * {@code internalDomains}, {@code internalIpRanges}) are accepted too.
 *
 * <p>Rules: an IP address is internal when it lies in an internal range, otherwise external
 * ({@code 0.0.0.0} and {@code ::} are unknown). A hostname is internal when it equals an internal
 * domain or ends with {@code .domain}; a dotted hostname that matches none is external only when
 * the tenant has listed internal domains (otherwise unknown); a single-label name is unknown.
 */
public record TenantContext(String tenantUid, List<String> internalDomains, List<IpRange> internalRanges) {
    /** 10/8, 172.16/12, 192.168/16, 127.0.0.1/32, fc00::/7, fe80::/10, 169.254/16. */
    public static final List<IpRange> DEFAULT_RANGES = List.of(
            IpRange.parse("10.0.0.0/8"), IpRange.parse("172.16.0.0/12"), IpRange.parse("192.168.0.0/16"),
            IpRange.parse("127.0.0.1/32"), IpRange.parse("fc00::/7"), IpRange.parse("fe80::/10"),
            IpRange.parse("169.254.0.0/16"));

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_ENTRIES = 10_000;

    public TenantContext {
        tenantUid = tenantUid == null || tenantUid.isBlank() ? null : tenantUid.trim();
        Set<String> domains = new LinkedHashSet<>();
        for (String d : internalDomains == null ? List.<String>of() : internalDomains) {
            String n = normalizeDomain(d);
            if (n.isEmpty() || n.contains(" ")) {
                throw new IllegalArgumentException("not a domain: " + d);
            }
            domains.add(n);
        }
        Set<IpRange> ranges = new LinkedHashSet<>(DEFAULT_RANGES);
        ranges.addAll(internalRanges == null ? List.of() : internalRanges);
        if (domains.size() > MAX_ENTRIES || ranges.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("at most " + MAX_ENTRIES + " internal domains and ranges");
        }
        internalDomains = List.copyOf(domains);
        internalRanges = List.copyOf(ranges);
    }

    /** Only the default ranges, no domains, no tenant id. */
    public static TenantContext defaults() {
        return new TenantContext(null, List.of(), List.of());
    }

    /** Reads the JSON form; throws {@link IllegalArgumentException} with the reason when it is invalid. */
    public static TenantContext fromJson(InputStream in) throws IOException {
        JsonNode root = MAPPER.readTree(in);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("tenant context must be a JSON object");
        }
        List<String> domains = new ArrayList<>();
        for (JsonNode d : array(root, "internal_domains", "internalDomains")) {
            domains.add(d.asText());
        }
        List<IpRange> ranges = new ArrayList<>();
        for (JsonNode r : array(root, "internal_ip_ranges", "internalIpRanges")) {
            ranges.add(IpRange.parse(r.asText()));
        }
        JsonNode tenant = root.has("tenant_uid") ? root.get("tenant_uid") : root.get("tenantUid");
        return new TenantContext(tenant == null ? null : tenant.asText(), domains, ranges);
    }

    private static JsonNode array(JsonNode root, String snakeCase, String camelCase) {
        String key = !root.has(snakeCase) && root.has(camelCase) ? camelCase : snakeCase;
        JsonNode node = root.path(key);
        if (node.isMissingNode() || node.isNull()) {
            return MAPPER.createArrayNode();
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException(key + " must be an array of strings");
        }
        node.forEach(n -> {
            if (!n.isTextual()) {
                throw new IllegalArgumentException(key + " must be an array of strings");
            }
        });
        return node;
    }

    private static String normalizeDomain(String d) {
        String n = d == null ? "" : d.trim().toLowerCase(Locale.ROOT);
        while (n.startsWith("*.") || n.startsWith(".")) {
            n = n.substring(n.charAt(0) == '*' ? 2 : 1);
        }
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    /** Internal or external for an address literal; unknown for anything that is not one, or 0.0.0.0. */
    public NetworkScope scopeOfAddress(String ip) {
        return scopeOfAddress(IpAddresses.parse(ip));
    }

    /** Internal or external for an address as 4 or 16 bytes; unknown for null or 0.0.0.0/::. */
    public NetworkScope scopeOfAddress(byte[] address) {
        if (address == null || IpAddresses.isUnspecified(address)) {
            return NetworkScope.UNKNOWN;
        }
        if (address.length == 4) {
            int a = IpRange.ipv4(address);
            for (int i = 0, n = internalRanges.size(); i < n; i++) {
                if (internalRanges.get(i).containsIpv4(a)) {
                    return NetworkScope.INTERNAL;
                }
            }
            return NetworkScope.EXTERNAL;
        }
        for (IpRange r : internalRanges) {
            if (r.contains(address)) {
                return NetworkScope.INTERNAL;
            }
        }
        return NetworkScope.EXTERNAL;
    }

    /** Internal, external or unknown for a hostname (see the class comment). */
    public NetworkScope scopeOfHostname(String hostname) {
        if (hostname == null || hostname.isBlank()) {
            return NetworkScope.UNKNOWN;
        }
        String h = normalizeDomain(hostname);
        for (String d : internalDomains) {
            if (h.equals(d) || (h.length() > d.length() && h.endsWith(d) && h.charAt(h.length() - d.length() - 1) == '.')) {
                return NetworkScope.INTERNAL;
            }
        }
        return h.indexOf('.') > 0 && !internalDomains.isEmpty() ? NetworkScope.EXTERNAL : NetworkScope.UNKNOWN;
    }

    /** The address decides when it is known; otherwise the hostname. */
    public NetworkScope scopeOf(String ip, String hostname) {
        NetworkScope byAddress = scopeOfAddress(ip);
        return byAddress != NetworkScope.UNKNOWN ? byAddress : scopeOfHostname(hostname);
    }
}
