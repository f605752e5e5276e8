package dev.sluice.ocsf;

import java.util.List;
import java.util.TreeMap;

/** Sample records for the tests. */
final class Findings {
    private Findings() {
    }

    static DetectionFinding full(OcsfVersion version) {
        TreeMap<String, String> unmapped = new TreeMap<>();
        unmapped.put("cef.lat", "51.5");
        unmapped.put("cef.agt", "10.0.0.9");
        return new DetectionFinding(FindingActivity.CREATE, Severity.HIGH, null, FindingStatus.NEW,
                1_764_238_200_000L, 1_764_238_100_000L, 1_764_238_190_000L, 0, "SSL validation failed", true, 87,
                RiskLevel.CRITICAL,
                new Metadata(version, new Product("Darktrace", "Enterprise Immune System", "6.1"), null, "537",
                        "darktrace_model_breach", "1764238200000", 1_764_238_201_234L, "tenant-1"),
                new FindingInfo("1462565", "Anomalous Connection/High DGA Low DNS TTL", "desc", "https://dt/#modelbreach/1462565",
                        List.of("Anomalous Connection"),
                        new Analytic("537", "Anomalous Connection/High DGA Low DNS TTL", AnalyticType.BEHAVIORAL, "Anomalous Connection"),
                        List.of(new Attack(null, new MitreEntity("T1568", "Dynamic Resolution"),
                                new MitreEntity("T1568.002", "Domain Generation Algorithms"), null)),
                        1_764_238_200_000L, null, null, List.of(new RelatedEvent("1234", "Unusual Activity"))),
                new Device(DeviceType.UNKNOWN, "ws-042.corp", "10.1.2.3", "c8:ff:28:b6:2c:d7", null, null),
                List.of(new ResourceDetails("device", "ws-042.corp", "ws-042.corp", "10.1.2.3", ResourceRole.AFFECTED)),
                List.of(new Evidence(new NetworkEndpoint("ws-042.corp", "10.1.2.3", null, null, NetworkScope.INTERNAL),
                        new NetworkEndpoint("evil.example", "203.0.113.9", 53, null, NetworkScope.EXTERNAL), ConnectionDirection.OUTBOUND)),
                List.of(new Observable("device.ip", ObservableType.IP_ADDRESS, "10.1.2.3"),
                        new Observable("device.hostname", ObservableType.HOSTNAME, "ws-042.corp")),
                "CEF:0|Darktrace|Enterprise Immune System|6.1|537|x|7|", unmapped);
    }

    static DetectionFinding minimal() {
        return new DetectionFinding(FindingActivity.CREATE, Severity.LOW, null, null, 1L, null, null, null, null, null,
                null, null, new Metadata(OcsfVersion.DEFAULT, new Product("Darktrace", "DCIP", null), null, null, null, null, null, null),
                new FindingInfo("1", null, null, null, null, null, null, null, null, null, null),
                null, null, null, null, null, null);
    }
}
