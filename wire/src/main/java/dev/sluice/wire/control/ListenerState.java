package dev.sluice.wire.control;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The state of an integration's TCP listener on the appliance. */
public enum ListenerState {
  @JsonProperty("listening") LISTENING,
  @JsonProperty("failed") FAILED,
  @JsonProperty("stopped") STOPPED
}
