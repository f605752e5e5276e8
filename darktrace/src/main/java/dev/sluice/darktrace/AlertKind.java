package dev.sluice.darktrace;

/** What a Darktrace DETECT message is. */
public enum AlertKind {
    /** A model breach (CEF product {@code DCIP} or {@code Enterprise Immune System}). */
    MODEL_BREACH,
    /** An AI Analyst incident event (CEF product {@code AI Analyst}). */
    AI_ANALYST,
    /** A system status (health) alert. */
    SYSTEM_STATUS,
    /** The test alert sent by "Verify alert sending" (model "Unrestricted Test Model"). */
    TEST_ALERT
}
