package dev.listcast.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonFieldsTest {
    private static final String EVENT = "{\"eventId\":\"42@mariadb-bin.000003:1234:0\",\"kind\":\"listing\","
            + "\"itemId\":42,\"sellerId\": 7}";

    @Test
    void shouldReadAStringField() {
        assertThat(JsonFields.string(EVENT, "eventId")).isEqualTo("42@mariadb-bin.000003:1234:0");
    }

    @Test
    void shouldReadANumberFieldWithOrWithoutSpace() {
        assertThat(JsonFields.number(EVENT, "itemId")).isEqualTo(42);
        assertThat(JsonFields.number(EVENT, "sellerId")).isEqualTo(7);
    }

    @Test
    void shouldAnswerNothingForAMissingField() {
        assertThat(JsonFields.string(EVENT, "title")).isNull();
        assertThat(JsonFields.number(EVENT, "priceCents")).isEqualTo(-1);
    }
}
