package dev.listcast.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ListingJsonTest {
    private static final BinlogPosition POSITION = BinlogPosition.parse("mariadb-bin.000001:400:0");

    @Test
    void shouldRoundTripAnItemChangeWithUnicode() {
        ItemRow row = new ItemRow(42, 7L, "Jordan 1 👟 שלום", null, "sneakers", 12900L, "EUR", "used", null, "LISTED");
        ItemChange change = new ItemChange(ChangeOp.CREATE, 42, null, row, POSITION, 1000, 1005);
        assertThat(ListingJson.itemChange(ListingJson.encode(change))).isEqualTo(change);
    }

    @Test
    void shouldWriteKindsAndOpsByTheirWireNames() {
        ListingEvent event = new ListingEvent(EventId.of(42, POSITION), ListingKind.PRICE_DROP, 42, "Bike", null,
                "bikes", 9000, 12000L, "EUR", null, null, 7, "Ada", 4.9, 1000, 1005, 1010, null);
        String json = new String(ListingJson.encode(event), StandardCharsets.UTF_8);
        assertThat(json).contains("\"kind\":\"price-drop\"", "\"eventId\":\"42@mariadb-bin.000001:400:0\"")
                .doesNotContain("traceparent");
        assertThat(ListingJson.listingEvent(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(event);
    }

    @Test
    void shouldIgnoreUnknownFieldsFromNewerProducers() {
        byte[] json = """
                {"op":"d","itemId":3,"before":{"id":3,"status":"SOLD"},"position":"b.1:4:0",
                 "committedAt":1,"capturedAt":2,"futureField":true}""".getBytes(StandardCharsets.UTF_8);
        assertThat(ListingJson.itemChange(json).op()).isEqualTo(ChangeOp.DELETE);
    }

    @Test
    void shouldNameTheBrokenRuleOfAnInvalidRecord() {
        byte[] json = """
                {"op":"c","itemId":-3,"after":{"id":3},"position":"b.1:4:0","committedAt":1,"capturedAt":2}"""
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ListingJson.itemChange(json))
                .isInstanceOf(ListingCodecException.class)
                .hasMessage("invalid ItemChange: item id must be positive: -3");
    }

    @Test
    void shouldRefuseJunkWithACodecException() {
        assertThatThrownBy(() -> ListingJson.itemChange("hello".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ListingCodecException.class)
                .hasMessageStartingWith("invalid ItemChange: Unrecognized token 'hello'");
        assertThatThrownBy(() -> ListingJson.itemChange(new byte[0]))
                .hasMessage("empty ItemChange");
    }

    @Test
    void shouldKeepTheOriginalBytesOfADeadLetter() {
        DeadLetter letter = new DeadLetter("not JSON", Topics.ITEM_CHANGES, "9", new byte[] {0, 1, (byte) 0xff}, 5);
        assertThat(ListingJson.deadLetter(ListingJson.encode(letter)).original()).containsExactly(0, 1, 0xff);
    }
}
