package dev.listcast.edge.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResumeIdTest {
    @Test
    void shouldRoundTripAnEventIdWithDashesAndColons() {
        ResumeId id = new ResumeId(1764780000009L, "42@mariadb-bin.000003:1234:0");

        assertThat(id.toString()).isEqualTo("1764780000009-42@mariadb-bin.000003:1234:0");
        assertThat(ResumeId.parse(id.toString())).contains(id);
    }

    @Test
    void shouldParseABareMoment() {
        assertThat(ResumeId.parse("1764780000009-")).hasValueSatisfying(id -> assertThat(id.hasEvent()).isFalse());
    }

    @Test
    void shouldRejectGarbage() {
        assertThat(ResumeId.parse("garbage")).isEmpty();
        assertThat(ResumeId.parse("-42@x")).isEmpty();
        assertThat(ResumeId.parse("12-a\nb")).isEmpty();
        assertThat(ResumeId.parse(null)).isEmpty();
    }
}
