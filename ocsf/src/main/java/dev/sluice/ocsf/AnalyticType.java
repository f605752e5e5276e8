package dev.sluice.ocsf;

/** {@code analytic.type_id}. */
public enum AnalyticType implements OcsfEnum {
    UNKNOWN(0, "Unknown"),
    RULE(1, "Rule"),
    BEHAVIORAL(2, "Behavioral"),
    STATISTICAL(3, "Statistical"),
    LEARNING(4, "Learning (ML/DL)"),
    FINGERPRINTING(5, "Fingerprinting"),
    TAGGING(6, "Tagging"),
    KEYWORD_MATCH(7, "Keyword Match"),
    REGULAR_EXPRESSIONS(8, "Regular Expressions"),
    EXACT_DATA_MATCH(9, "Exact Data Match"),
    PARTIAL_DATA_MATCH(10, "Partial Data Match"),
    INDEXED_DATA_MATCH(11, "Indexed Data Match"),
    OTHER(99, "Other");

    private final int id;
    private final String caption;

    AnalyticType(int id, String caption) {
        this.id = id;
        this.caption = caption;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public String caption() {
        return caption;
    }
}
