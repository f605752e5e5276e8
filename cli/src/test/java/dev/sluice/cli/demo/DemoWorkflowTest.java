package dev.sluice.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoWorkflowTest {

  @Test
  void sumsRejectionsByReasonFromCentralsIntegrationHealthButNotPerSender() throws Exception {
    var json = new ObjectMapper().readTree("""
        {"id":"i1","health":{"status":"receiving","rejected":3,
          "rejectedByReason":{"NOT_CEF":1,"WRONG_VENDOR":2},
          "senders":[{"hostname":"h","rejectedByReason":{"NOT_CEF":1}}]},
         "appliance":{"id":"a1"}}
        """);
    assertEquals(Map.of("NOT_CEF", 1L, "WRONG_VENDOR", 2L), DemoWorkflow.rejectedByReason(json));
  }
}
