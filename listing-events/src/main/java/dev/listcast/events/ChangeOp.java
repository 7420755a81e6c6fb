package dev.listcast.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** What happened to a row, with Debezium's one-letter codes. */
public enum ChangeOp {
    CREATE("c"), UPDATE("u"), DELETE("d"), SNAPSHOT("r");

    private final String code;

    ChangeOp(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** Parses Debezium's {@code op} field; {@code t} (truncate) and others are not row changes. */
    public static ChangeOp ofCode(String code) {
        for (ChangeOp op : values()) {
            if (op.code.equals(code)) {
                return op;
            }
        }
        throw new IllegalArgumentException("not a row change op: " + code);
    }
}
