package dev.listcast.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listcast.events.BinlogPosition;
import dev.listcast.events.BusRecord;
import dev.listcast.events.ChangeOp;
import dev.listcast.events.DeadLetter;
import dev.listcast.events.ItemChange;
import dev.listcast.events.ItemRow;
import dev.listcast.events.ListingJson;
import dev.listcast.events.SellerChange;
import dev.listcast.events.SellerRow;
import dev.listcast.events.Topics;
import dev.listcast.events.TraceParent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fixtures under {@code debezium/} are events the MariaDB connector 3.5.0.Final emitted for real against the
 * embedded MariaDB with {@link CdcSettings#connectorProperties()}, copied byte for byte.
 */
class ChangeMapperTest {
    private static final long CAPTURED_AT = 1_796_319_601_234L;
    private static final TraceParent TRACE = TraceParent.parse(
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").orElseThrow();

    @Test
    void shouldMapInsertToItemChangeWithEveryColumn() {
        ItemChange change = item(fixture("item-insert.json"));

        assertThat(change).isEqualTo(new ItemChange(ChangeOp.CREATE, 1, null,
                new ItemRow(1, 1L, "Lamp 💡 مصباح", "desc", "home", 1999L, "EUR", null, null, "LISTED"),
                new BinlogPosition("mariadb-bin.000001", 6032, 0), 1_796_319_601_201L, CAPTURED_AT));
    }

    @Test
    void shouldTakeTheCommitTimeFromTheRowWithinTheBinlogsWholeSecond() {
        // MariaDB's binlog says 17:40:01 (whole seconds); the row's updated_at says 17:40:01.209
        assertThat(item(fixture("item-update.json")).committedAt()).isEqualTo(1_796_319_601_209L);
    }

    @Test
    void shouldKeepTheBinlogsCommitTimeWhenItHasMillisOrTheRowDisagrees() throws Exception {
        JsonNode row = new ObjectMapper().readTree("{\"updated_at\":\"2026-12-03T17:40:01.201Z\"}");
        assertThat(ChangeMapper.commitTime(1_796_319_601_150L, row)).isEqualTo(1_796_319_601_150L);
        assertThat(ChangeMapper.commitTime(1_796_319_602_000L, row)).isEqualTo(1_796_319_602_000L);
        assertThat(ChangeMapper.commitTime(1_796_319_600_000L, row)).isEqualTo(1_796_319_600_000L);
        assertThat(ChangeMapper.commitTime(1_796_319_601_000L, new ObjectMapper().readTree("{\"updated_at\":\"soon\"}")))
                .isEqualTo(1_796_319_601_000L);
        assertThat(ChangeMapper.commitTime(1_796_319_601_000L, null)).isEqualTo(1_796_319_601_000L);
    }

    @Test
    void shouldMapUpdateWithBeforeAndAfterRows() {
        ItemChange change = item(fixture("item-update.json"));

        assertThat(change.op()).isEqualTo(ChangeOp.UPDATE);
        assertThat(change.before().status()).isEqualTo("LISTED");
        assertThat(change.after().status()).isEqualTo("SOLD");
    }

    @Test
    void shouldMapDeleteToItemChangeWithBeforeRowOnly() {
        ItemChange change = item(fixture("item-delete.json"));

        assertThat(change.op()).isEqualTo(ChangeOp.DELETE);
        assertThat(change.itemId()).isEqualTo(2);
        assertThat(change.before().title()).isEqualTo("a");
        assertThat(change.after()).isNull();
    }

    @Test
    void shouldTakeRowIndexOfMultiRowStatementFromSource() {
        assertThat(item(fixture("item-insert-second-row.json")).position())
                .isEqualTo(new BinlogPosition("mariadb-bin.000001", 6825, 1));
    }

    @Test
    void shouldKeepNullColumnsNull() {
        ItemRow row = item(fixture("item-insert-second-row.json")).after();

        assertThat(row).isEqualTo(new ItemRow(3, 2L, "b", null, null, null, "EUR", null, null, "DRAFT"));
    }

    @Test
    void shouldIgnoreColumnsAddedToTheTable() {
        String withScratchColumn = fixture("item-insert.json").replace("\"status\":\"LISTED\"",
                "\"status\":\"LISTED\",\"scratch_1234\":\"x\"");

        assertThat(item(withScratchColumn).after().status()).isEqualTo("LISTED");
    }

    @Test
    void shouldMapSellerUpdateToSellerChange() {
        MappedChange mapped = ChangeMapper.map(fixture("seller-update.json"), CAPTURED_AT);

        assertThat(mapped).isEqualTo(new MappedChange.Seller(new SellerChange(ChangeOp.UPDATE, 3,
                new SellerRow(3, "Retro Bits", 4.5, "Lyon"), new BinlogPosition("mariadb-bin.000001", 7414, 0),
                1_796_319_601_213L, CAPTURED_AT)));
    }

    @Test
    void shouldRejectTruncate() {
        String truncate = fixture("item-delete.json").replace("\"op\":\"d\"", "\"op\":\"t\"");

        assertThat(reason(truncate)).isEqualTo("not a row change: op 't' on items");
    }

    @Test
    void shouldRejectTableItDoesNotCapture() {
        String orders = fixture("item-insert.json").replace("\"table\":\"items\"", "\"table\":\"orders\"");

        assertThat(reason(orders)).isEqualTo("not a captured table: orders");
    }

    @Test
    void shouldRejectEventWithoutBinlogFile() {
        String noFile = fixture("item-insert.json").replace("\"file\":\"mariadb-bin.000001\",", "");

        assertThat(reason(noFile)).isEqualTo("source.file is missing");
    }

    @Test
    void shouldRejectTextInIntegerColumn() {
        String textPrice = fixture("item-insert.json").replace("\"price_cents\":1999", "\"price_cents\":\"cheap\"");

        assertThat(reason(textPrice)).isEqualTo("items.price_cents is not an integer: \"cheap\"");
    }

    @Test
    void shouldRejectRowWithoutId() {
        String noId = fixture("item-insert.json").replace("\"after\":{\"id\":1,", "\"after\":{");

        assertThat(reason(noId)).isEqualTo("items.id is missing");
    }

    @Test
    void shouldRejectContractViolationWithTheRecordsOwnMessage() {
        String zeroId = fixture("item-insert.json").replace("\"after\":{\"id\":1,", "\"after\":{\"id\":0,");

        assertThat(reason(zeroId)).isEqualTo("item id must be positive: 0");
    }

    @Test
    void shouldRejectEventWithoutRows() {
        String noRows = fixture("item-delete.json").replaceFirst("\"before\":\\{[^}]*}", "\"before\":null");

        assertThat(reason(noRows)).isEqualTo("d on items has neither before nor after row");
    }

    @Test
    void shouldRejectTombstone() {
        assertThat(reason(null)).isEqualTo("change event has no value (tombstone)");
    }

    @Test
    void shouldRejectTextThatIsNotJson() {
        assertThat(reason("{\"op\":")).startsWith("change event is not JSON: ");
    }

    @Test
    void shouldRejectJsonThatIsNotAnObject() {
        assertThat(reason("[1,2]")).isEqualTo("change event is not a JSON object");
    }

    @Test
    void shouldKeyItemChangeByIdOnItemTopicWithTraceparent() {
        String value = fixture("item-insert.json");
        MappedChange mapped = ChangeMapper.map(value, CAPTURED_AT);

        BusRecord record = ChangeMapper.busRecord(mapped, "listcast.market.items", "{\"id\":1}", value,
                CAPTURED_AT, TRACE);

        assertThat(record.topic()).isEqualTo(Topics.ITEM_CHANGES);
        assertThat(record.key()).isEqualTo("1");
        assertThat(ListingJson.itemChange(record.value())).isEqualTo(((MappedChange.Item) mapped).change());
        assertThat(record.headers()).isEqualTo(Map.of(TraceParent.HEADER, TRACE.toString()));
    }

    @Test
    void shouldKeySellerChangeByIdOnSellerTopic() {
        String value = fixture("seller-update.json");

        BusRecord record = ChangeMapper.busRecord(ChangeMapper.map(value, CAPTURED_AT), "listcast.market.sellers",
                "{\"id\":3}", value, CAPTURED_AT, TRACE);

        assertThat(record.topic()).isEqualTo(Topics.SELLER_CHANGES);
        assertThat(record.key()).isEqualTo("3");
        assertThat(ListingJson.sellerChange(record.value()).after().displayName()).isEqualTo("Retro Bits");
    }

    @Test
    void shouldDeadLetterRejectedEventWithReasonAndOriginalBytes() {
        String value = fixture("item-insert.json").replace("\"op\":\"c\"", "\"op\":\"t\"");

        BusRecord record = ChangeMapper.busRecord(ChangeMapper.map(value, CAPTURED_AT), "listcast.market.items",
                "{\"id\":1}", value, CAPTURED_AT, TRACE);

        assertThat(record.topic()).isEqualTo(Topics.DEAD_LETTERS);
        assertThat(record.key()).isEqualTo("{\"id\":1}");
        assertThat(record.headers()).containsEntry(TraceParent.HEADER, TRACE.toString());
        DeadLetter letter = ListingJson.deadLetter(record.value());
        assertThat(letter.reason()).isEqualTo("not a row change: op 't' on items");
        assertThat(letter.sourceTopic()).isEqualTo("listcast.market.items");
        assertThat(letter.failedAt()).isEqualTo(CAPTURED_AT);
        assertThat(new String(letter.original(), StandardCharsets.UTF_8)).isEqualTo(value);
    }

    private static ItemChange item(String value) {
        MappedChange mapped = ChangeMapper.map(value, CAPTURED_AT);
        assertThat(mapped).isInstanceOf(MappedChange.Item.class);
        return ((MappedChange.Item) mapped).change();
    }

    private static String reason(String value) {
        MappedChange mapped = ChangeMapper.map(value, CAPTURED_AT);
        assertThat(mapped).isInstanceOf(MappedChange.Rejected.class);
        return ((MappedChange.Rejected) mapped).reason();
    }

    private static String fixture(String name) {
        try (InputStream in = ChangeMapperTest.class.getResourceAsStream("/debezium/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
