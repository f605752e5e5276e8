package dev.sluice.darktrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.cef.CefParseResult;
import dev.sluice.ocsf.ConnectionDirection;
import dev.sluice.ocsf.DetectionFinding;
import dev.sluice.ocsf.FindingActivity;
import dev.sluice.ocsf.FindingStatus;
import dev.sluice.ocsf.NetworkScope;
import dev.sluice.ocsf.OcsfVersion;
import dev.sluice.ocsf.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class DarktracePipelineTest {
    private final DarktracePipeline pipeline = new DarktracePipeline();

    private DarktraceResult.Accepted accept(String frame, TenantContext tenant) {
        DarktraceResult r = pipeline.process(frame, Corpus.RECEIVED, tenant, AcceptedFormats.CEF_AND_JSON);
        return assertInstanceOf(DarktraceResult.Accepted.class, r, () -> r.toString());
    }

    private static String sample(String name) {
        return Corpus.samples().stream().filter(e -> e.tag().equals(name)).findFirst().orElseThrow().message();
    }

    @TestFactory
    Stream<DynamicTest> rejectsEachNonAlertFrameWithItsCode() {
        return Corpus.read("darktrace-rejects.txt", "# expect:").stream().map(e -> DynamicTest.dynamicTest(e.tag(), () -> {
            String[] tag = e.tag().split(" ");
            DarktraceResult r = pipeline.process(e.message(), Corpus.RECEIVED, TenantContext.defaults(), AcceptedFormats.parse(tag[1]));
            DarktraceResult.Rejected rejected = assertInstanceOf(DarktraceResult.Rejected.class, r);
            assertEquals(tag[0], rejected.code());
            assertFalse(rejected.detail().isBlank());
            assertTrue(e.message().isBlank() || !rejected.detail().contains(e.message().trim()), "detail must not repeat the message");
        }));
    }

    @Test
    void keepsWhatWasReadWhenRejecting() {
        DarktraceResult.Rejected vendor = (DarktraceResult.Rejected) pipeline.process(
                "<134>Nov 27 09:00:00 fw1 CEF:0|Fortinet|FortiGate|7.0|0001|traffic|3|src=10.0.0.1",
                Corpus.RECEIVED, TenantContext.defaults(), AcceptedFormats.CEF_ONLY);
        assertEquals("fw1", vendor.syslog().hostname());
        assertEquals("Fortinet", ((CefParseResult.Parsed) vendor.cef()).event().deviceVendor());
        DarktraceResult.Rejected truncated = (DarktraceResult.Rejected) pipeline.process(
                "CEF:0|Darktrace|DCIP|6.1|12", Corpus.RECEIVED, TenantContext.defaults(), AcceptedFormats.CEF_ONLY);
        assertEquals(List.of("0", "Darktrace", "DCIP", "6.1", "12"), ((CefParseResult.Rejected) truncated.cef()).headerFields());
    }

    @Test
    void acceptsJsonOnlyWhenTheIntegrationAllowsIt() {
        String json = sample("elastic-system-status-advanced-search");
        DarktraceResult cefOnly = pipeline.process(json, Corpus.RECEIVED, TenantContext.defaults(), AcceptedFormats.CEF_ONLY);
        assertEquals("FORMAT_NOT_ACCEPTED", ((DarktraceResult.Rejected) cefOnly).code());
        DarktraceResult.Accepted a = accept(json, TenantContext.defaults());
        assertEquals(AlertKind.SYSTEM_STATUS, a.kind());
        assertEquals(AlertFormat.JSON, a.format());
        assertNull(a.cef());
    }

    @Test
    void recognisesEveryPublicSampleWithItsKindTitleDeviceAndSeverity() {
        record Expect(String name, AlertKind kind, String title, String deviceIp, Severity severity) {
        }
        List<Expect> expected = List.of(
                new Expect("fortisiem-dcip-antigena-rdp-block", AlertKind.MODEL_BREACH, "Antigena/Network/Compliance/Antigena RDP Block", "10.10.1.85", Severity.LOW),
                new Expect("elastic-model-breach-attack-and-recon-tools", AlertKind.MODEL_BREACH, "Device/Attack and Recon Tools", "81.2.69.192", Severity.HIGH),
                new Expect("elastic-model-breach-system-system", AlertKind.MODEL_BREACH, "System/System", null, Severity.MEDIUM),
                new Expect("elastic-test-alert", AlertKind.TEST_ALERT, "Unrestricted Test Model", "175.16.199.1", Severity.INFORMATIONAL),
                new Expect("elastic-ai-analyst-unusual-ssh", AlertKind.AI_ANALYST, "Extensive Unusual SSH Connections", "81.2.69.144", Severity.CRITICAL),
                new Expect("elastic-system-status-advanced-search", AlertKind.SYSTEM_STATUS, "Advanced Search", "175.16.199.1", Severity.MEDIUM));
        for (Expect e : expected) {
            DarktraceResult.Accepted a = accept(sample(e.name()), TenantContext.defaults());
            DetectionFinding f = a.finding();
            assertEquals(e.kind(), a.kind(), e.name());
            assertEquals(e.title(), f.findingInfo().title(), e.name());
            assertEquals(e.title(), a.alertType(), e.name());
            assertEquals(e.deviceIp(), f.device() == null ? null : f.device().ip(), e.name());
            assertEquals(e.severity(), f.severity(), e.name());
            assertEquals(e.kind() == AlertKind.TEST_ALERT, a.testAlert(), e.name());
        }
    }

    @Test
    void marksAddressesAndHostnamesFromTheTenantContext() {
        String frame = "CEF:0|Darktrace|Enterprise Immune System|6.1|1|Anomalous Connection/Data Sent to Rare Domain|7|"
                + "dvc=203.0.113.5 dvchost=db1.corp.example dhost=files.corp.example dpt=443";
        DetectionFinding plain = accept(frame, TenantContext.defaults()).finding();
        assertEquals(NetworkScope.EXTERNAL, plain.evidences().get(0).srcEndpoint().scope());
        assertEquals(NetworkScope.UNKNOWN, plain.evidences().get(0).dstEndpoint().scope());
        assertEquals(ConnectionDirection.UNKNOWN, plain.evidences().get(0).direction());
        TenantContext tenant = new TenantContext("t", List.of("corp.example"), List.of(IpRange.parse("203.0.113.0/24")));
        DetectionFinding enriched = accept(frame, tenant).finding();
        assertEquals(NetworkScope.INTERNAL, enriched.evidences().get(0).srcEndpoint().scope());
        assertEquals(NetworkScope.INTERNAL, enriched.evidences().get(0).dstEndpoint().scope());
        assertEquals(ConnectionDirection.LATERAL, enriched.evidences().get(0).direction());
        assertEquals("t", enriched.metadata().tenantUid());
        String inbound = "CEF:0|Darktrace|DCIP|6.1|1|Compromise/Inbound|7|src=198.51.100.9 dst=10.0.0.8 dpt=3389";
        assertEquals(ConnectionDirection.INBOUND, accept(inbound, TenantContext.defaults()).finding().evidences().get(0).direction());
    }

    @Test
    void takesTheEventTimeFromRtThenTheHeaderThenTheReceiveTime() {
        String withRt = "<165>Nov 27 09:58:12 dt darktrace CEF:0|Darktrace|DCIP|6.1|1|A/B|5|rt=1795770000000";
        DetectionFinding rt = accept(withRt, TenantContext.defaults()).finding();
        assertEquals(1795770000000L, rt.time());
        assertEquals(Corpus.RECEIVED, rt.metadata().loggedTime());
        DetectionFinding header = accept("<165>Nov 27 09:58:12 dt darktrace CEF:0|Darktrace|DCIP|6.1|1|A/B|5|", TenantContext.defaults()).finding();
        assertEquals(Instant.parse("2026-11-27T09:58:12Z").toEpochMilli(), header.time());
        assertEquals("Nov 27 09:58:12", header.metadata().originalTime());
        DetectionFinding none = accept("CEF:0|Darktrace|DCIP|6.1|1|A/B|5|rt=soon", TenantContext.defaults()).finding();
        assertEquals(Corpus.RECEIVED, none.time());
        assertEquals("soon", none.unmapped().get("cef.rt"));
    }

    @Test
    void readsZonelessTimesInTheConfiguredZone() {
        DarktracePipeline berlin = new DarktracePipeline(new PipelineOptions(OcsfVersion.DEFAULT, ZoneId.of("Europe/Berlin")));
        DarktraceResult r = berlin.process("CEF:0|Darktrace|DCIP|6.1|1|A/B|5|rt=Nov 27 2026 10:30:00",
                Corpus.RECEIVED, TenantContext.defaults(), AcceptedFormats.CEF_ONLY);
        DetectionFinding f = ((DarktraceResult.Accepted) r).finding();
        assertEquals(Instant.parse("2026-11-27T09:30:00Z").toEpochMilli(), f.time());
        assertEquals(60, f.timezoneOffset());
    }

    @Test
    void keepsEveryUnmappedKeyAndTheWholeFrame() {
        String frame = "<165>Nov 27 09:58:12 dt-master darktrace CEF:0|Darktrace|DCIP|6.1|1|A/B|5|externalId=9 lat=51.5 long=-0.12 foo=bar";
        DetectionFinding f = accept(frame, TenantContext.defaults()).finding();
        assertEquals(frame, f.rawData());
        assertEquals("51.5", f.unmapped().get("cef.lat"));
        assertEquals("-0.12", f.unmapped().get("cef.long"));
        assertEquals("bar", f.unmapped().get("cef.foo"));
        assertEquals("dt-master", f.unmapped().get("syslog.hostname"));
        assertEquals("darktrace", f.unmapped().get("syslog.app_name"));
        assertFalse(f.unmapped().containsKey("cef.externalId"));
        assertEquals("9", f.findingInfo().uid());
    }

    @Test
    void closesAResolvedSystemStatus() {
        String resolved = "{\"last_updated\":1618760651.25,\"uuid\":\"u-1\",\"priority\":43,\"priority_level\":\"medium\","
                + "\"hostname\":\"vsensor\",\"ip_address\":\"10.0.0.9\",\"alert_name\":\"Probe Down\",\"status\":\"resolved\"}";
        DetectionFinding f = accept("<165>Nov 27 09:00:00 dt darktrace " + resolved, TenantContext.defaults()).finding();
        assertEquals(FindingActivity.CLOSE, f.activity());
        assertEquals(FindingStatus.RESOLVED, f.status());
        assertEquals(Boolean.FALSE, f.isAlert());
        assertEquals(1618760651250L, f.time());
        assertEquals("u-1", f.findingInfo().uid());
    }

    @Test
    void givesAFindingWithoutASourceIdAStableContentUid() {
        String frame = "CEF:0|Darktrace|DCIP|6.1|1|A/B|5|dvc=10.0.0.1";
        String uid = accept(frame, TenantContext.defaults()).finding().findingInfo().uid();
        assertEquals(uid, accept(frame, TenantContext.defaults()).finding().findingInfo().uid());
        assertFalse(uid.equals(accept(frame + "2", TenantContext.defaults()).finding().findingInfo().uid()));
    }

    @Test
    void keepsAnUnknownSeverityTextAsOther() {
        DetectionFinding f = accept("CEF:0|Darktrace|DCIP|6.1|1|A/B|Severe|", TenantContext.defaults()).finding();
        assertEquals(Severity.OTHER, f.severity());
        assertEquals("Severe", f.severityLabel());
    }

    @Test
    void processesAFrameInsideALargerBuffer() {
        byte[] buffer = ("xxxx" + "CEF:0|Darktrace|DCIP|6.1|1|A/B|5|externalId=3" + "yyyy").getBytes(StandardCharsets.UTF_8);
        DarktraceResult r = pipeline.process(buffer, 4, buffer.length - 8, Corpus.RECEIVED, TenantContext.defaults(), AcceptedFormats.CEF_ONLY);
        DarktraceResult.Accepted a = assertInstanceOf(DarktraceResult.Accepted.class, r);
        assertEquals("3", a.finding().findingInfo().uid());
        assertEquals("CEF:0|Darktrace|DCIP|6.1|1|A/B|5|externalId=3", a.finding().rawData());
    }

    @Test
    void writesAttributesOfTheConfiguredOcsfVersionOnly() {
        DarktracePipeline old = new DarktracePipeline(new PipelineOptions(OcsfVersion.parse("1.1.0"), java.time.ZoneOffset.UTC));
        DarktraceResult.Accepted a = (DarktraceResult.Accepted) old.process(sample("synthetic-cef-model-breach-dga"), Corpus.RECEIVED,
                Corpus.tenant(), AcceptedFormats.CEF_ONLY);
        String json = dev.sluice.ocsf.OcsfJsonWriter.toJson(a.finding());
        assertTrue(json.contains("\"version\":\"1.1.0\""));
        assertFalse(json.contains("is_alert"));
        assertFalse(json.contains("network_scope"));
        assertEquals(List.of(), dev.sluice.ocsf.OcsfValidator.detectionFinding().validate(json));
        assertNotNull(a.finding().isAlert());
    }

    @Test
    void keepsTheTitleAsSentWhileTheAlertTypeIsSanitised() {
        String frame = "<165>Nov 27 12:00:48 dt darktrace CEF:0|Darktrace|DCIP|6.2.4|177|Compromise/DNS / Possible DNS Tunnelling|9|"
                + "externalId=795034 dvc=10.3.40.24 score=0.915";
        DarktraceResult.Accepted a = accept(frame, TenantContext.defaults());
        assertEquals("Compromise/DNS / Possible DNS Tunnelling", a.finding().findingInfo().title());
        assertEquals("Compromise/DNS / Possible DNS Tunnelling", a.finding().findingInfo().analytic().name());
        assertEquals("Compromise/DNS/Possible DNS Tunnelling", a.alertType());
        assertEquals("Compromise", a.finding().findingInfo().analytic().category());
        String json = "{\"model\":{\"name\":\"Compromise::DNS / Possible DNS Tunnelling\",\"pid\":177},\"pbid\":1,\"score\":0.5}";
        DarktraceResult.Accepted j = accept("<165>Nov 27 09:00:00 dt darktrace " + json, TenantContext.defaults());
        assertEquals("Compromise/DNS / Possible DNS Tunnelling", j.finding().findingInfo().title());
        assertEquals(a.alertType(), j.alertType());
    }

    @Test
    void givesTheTestAlertNoRiskScoreAndKeepsItsScoreUnmapped() {
        String cef = "<165>Nov 27 12:00:11 dt darktrace CEF:0|Darktrace|DCIP|6.2.4|1|Unrestricted Test Model|10|"
                + "externalId=123 darktraceUrl= dvc=10.0.9.7 dvchost=test-device message=Test score=1 priority=5";
        DetectionFinding c = accept(cef, TenantContext.defaults()).finding();
        assertNull(c.riskScore());
        assertNull(c.riskLevel());
        assertEquals("1", c.unmapped().get("cef.score"));
        assertEquals(Severity.INFORMATIONAL, c.severity());
        DetectionFinding j = accept(sample("elastic-test-alert"), TenantContext.defaults()).finding();
        assertNull(j.riskScore());
        assertEquals("1", j.unmapped().get("darktrace.score"));
    }

    @Test
    void readsTheCefBreachScoreAsAFraction() {
        String frame = "CEF:0|Darktrace|DCIP|6.1|1|A/B|5|externalId=1 score=1";
        assertEquals(100, accept(frame, TenantContext.defaults()).finding().riskScore());
        assertEquals(91, accept(frame.replace("score=1", "score=0.915"), TenantContext.defaults()).finding().riskScore());
        assertEquals(64, accept(frame.replace("score=1", "percentscore=64"), TenantContext.defaults()).finding().riskScore());
    }

    @Test
    void mapsTheSystemStatusPriorityAndComponentInBothFormats() {
        String cef = "<165>Nov 27 12:00:11 dt darktrace CEF:0|Darktrace|DCIP|6.2.4|probe_down|Probe Down|6|"
                + "darktraceUrl=https://dt/sysstatus?alert\\=abc hostname=vsensor-1 ip_address=10.1.9.9 status=active priority=61 priorityLevel=high";
        DarktraceResult.Accepted a = accept(cef, TenantContext.defaults());
        assertEquals(AlertKind.SYSTEM_STATUS, a.kind());
        assertEquals(61, a.finding().riskScore());
        assertEquals(Severity.HIGH, a.finding().severity());
        assertEquals("vsensor-1", a.finding().device().hostname());
        assertEquals("10.1.9.9", a.finding().device().ip());
        assertEquals(dev.sluice.ocsf.DeviceType.SERVER, a.finding().device().type());
        String json = "{\"last_updated\":1618760651,\"uuid\":\"u-2\",\"priority\":\"43\",\"priority_level\":\"medium\","
                + "\"hostname\":\"vsensor\",\"ip_address\":\"10.0.0.9\",\"alert_name\":\"Advanced Search\",\"status\":\"active\"}";
        DetectionFinding j = accept("<165>Nov 27 09:00:00 dt darktrace " + json, TenantContext.defaults()).finding();
        assertEquals(43, j.riskScore());
        assertFalse(j.unmapped().containsKey("darktrace.priority"));
    }

    @Test
    void readsTheSameTechniquesFromPlainAndEscapedMitreIds() {
        String header = "CEF:0|Darktrace|DCIP|6.1|1|Unusual Activity/Unknown Model|5|externalId=9 ";
        List<String> plain = attackIds(accept(header + "mitreId=T1190,T1071.001;T1059 x T12 T1190", TenantContext.defaults()));
        assertEquals(List.of("T1190", "T1071.001", "T1059"), plain);
        // An escape or a non-ASCII character sends the value through the decoded text: the same techniques.
        assertEquals(plain, attackIds(accept(header + "mitreId=T1190,T1071.001;T1059 x T12 T1190 \\= \u00e9", TenantContext.defaults())));
        assertEquals(List.of("T1059"), attackIds(accept(header + "mitreId=T1059", TenantContext.defaults())));
        assertEquals(List.of(), attackIds(accept(header + "mitreId=T105X", TenantContext.defaults())));
    }

    private static List<String> attackIds(DarktraceResult.Accepted a) {
        return a.finding().findingInfo().attacks().stream()
                .map(x -> x.subTechnique() != null ? x.subTechnique().uid() : x.technique().uid()).toList();
    }

    @Test
    void sharesTheProductAndSmallNumbersButKeepsTheirText() {
        DetectionFinding first = accept("CEF:0|Darktrace|DCIP|6.1|674|A/B|7|externalId=1", TenantContext.defaults()).finding();
        DetectionFinding second = accept("CEF:0|Darktrace|DCIP|6.1|674|A/B|7|externalId=2", TenantContext.defaults()).finding();
        assertEquals("674", second.metadata().eventCode());
        assertEquals("7", second.unmapped().get("cef.severity"));
        assertEquals(Severity.HIGH, second.severity());
        assertEquals(first.metadata().product(), second.metadata().product());
        DetectionFinding spaced = accept("CEF:0|Darktrace| DCIP |6.1 |0674| A/B |07|externalId=3", TenantContext.defaults()).finding();
        assertEquals("DCIP", spaced.metadata().product().name());
        assertEquals("6.1 ", spaced.metadata().product().version());
        assertEquals("0674", spaced.metadata().eventCode());
        assertEquals("07", spaced.unmapped().get("cef.severity"));
        assertEquals(Severity.HIGH, spaced.severity());
    }
}
