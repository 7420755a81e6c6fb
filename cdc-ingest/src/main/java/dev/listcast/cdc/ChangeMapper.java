package dev.listcast.cdc;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Turns Debezium change events (JSON without schema, as {@code converter.schemas.enable=false} writes them) into
 * the contract's {@link ItemChange} and {@link SellerChange}, and those into bus records. Pure: no engine, no
 * bus, no clock. It never throws on bad input: whatever cannot be mapped becomes {@link MappedChange.Rejected}
 * with a reason naming the bad value, and from there a dead letter.
 *
 * <pre>{@code
 * MappedChange mapped = ChangeMapper.map(event.value(), System.currentTimeMillis());
 * BusRecord record = ChangeMapper.busRecord(mapped, event.destination(), event.key(), event.value(), capturedAt, trace);
 * }</pre>
 */
public final class ChangeMapper {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The marketplace schema's row time, {@code TIMESTAMP(3)} on both tables (Debezium writes it as ISO-8601). */
    private static final String UPDATED_AT = "updated_at";

    private ChangeMapper() {
    }

    /**
     * Maps one change event.
     *
     * @param value the event's JSON value: {@code {"before":…,"after":…,"source":{…},"op":"c",…}}
     * @param capturedAt when cdc-ingest read the event, epoch millis
     */
    public static MappedChange map(String value, long capturedAt) {
        if (value == null) {
            return new MappedChange.Rejected("change event has no value (tombstone)");
        }
        JsonNode event;
        try {
            event = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            return new MappedChange.Rejected("change event is not JSON: " + e.getOriginalMessage());
        }
        if (event == null || !event.isObject()) {
            return new MappedChange.Rejected("change event is not a JSON object");
        }
        try {
            return mapEvent(event, capturedAt);
        } catch (IllegalArgumentException | NullPointerException e) {
            // The contract records check their arguments with messages that name the bad value.
            return new MappedChange.Rejected(e.getMessage());
        }
    }

    /**
     * The bus record for {@code mapped}: keyed by row id on the change topics, or a {@link DeadLetter} holding the
     * original bytes. Every record carries {@code trace} in the {@link TraceParent#HEADER} header.
     *
     * @param destination the engine's name for where the event came from, kept as the dead letter's source
     * @param key the event's JSON key, e.g. {@code {"id":42}}
     */
    public static BusRecord busRecord(MappedChange mapped, String destination, String key, String value,
            long capturedAt, TraceParent trace) {
        Map<String, String> headers = Map.of(TraceParent.HEADER, trace.toString());
        return switch (mapped) {
            case MappedChange.Item item -> new BusRecord(Topics.ITEM_CHANGES,
                    Long.toString(item.change().itemId()), ListingJson.encode(item.change()), headers);
            case MappedChange.Seller seller -> new BusRecord(Topics.SELLER_CHANGES,
                    Long.toString(seller.change().sellerId()), ListingJson.encode(seller.change()), headers);
            case MappedChange.Rejected rejected -> new BusRecord(Topics.DEAD_LETTERS, key,
                    ListingJson.encode(new DeadLetter(rejected.reason(), destination, key,
                            value == null ? null : value.getBytes(StandardCharsets.UTF_8), capturedAt)),
                    headers);
        };
    }

    private static MappedChange mapEvent(JsonNode event, long capturedAt) {
        JsonNode source = event.get("source");
        if (source == null || !source.isObject()) {
            throw new IllegalArgumentException("change event has no source block");
        }
        String table = requiredText(source, "source", "table");
        String op = requiredText(event, "event", "op");
        ChangeOp changeOp;
        try {
            changeOp = ChangeOp.ofCode(op);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a row change: op '" + op + "' on " + table, e);
        }
        BinlogPosition position = new BinlogPosition(requiredText(source, "source", "file"),
                requiredLong(source, "source", "pos"), rowIndex(source));
        JsonNode before = row(event, "before");
        JsonNode after = row(event, "after");
        long committedAt = commitTime(requiredLong(source, "source", "ts_ms"), after);
        if (before == null && after == null) {
            throw new IllegalArgumentException(op + " on " + table + " has neither before nor after row");
        }
        return switch (table) {
            case CdcSettings.ITEMS_TABLE -> {
                ItemRow afterRow = after == null ? null : itemRow(after);
                ItemRow beforeRow = before == null ? null : itemRow(before);
                long itemId = afterRow != null ? afterRow.id() : beforeRow.id();
                yield new MappedChange.Item(new ItemChange(changeOp, itemId, beforeRow, afterRow, position,
                        committedAt, capturedAt));
            }
            case CdcSettings.SELLERS_TABLE -> {
                SellerRow afterRow = after == null ? null : sellerRow(after);
                long sellerId = afterRow != null ? afterRow.id() : requiredLong(before, "sellers", "id");
                yield new MappedChange.Seller(new SellerChange(changeOp, sellerId, afterRow, position,
                        committedAt, capturedAt));
            }
            default -> throw new IllegalArgumentException("not a captured table: " + table);
        };
    }

    /**
     * The commit time: the binlog's, refined by the row's own {@code updated_at} where the binlog has whole seconds
     * only. MariaDB's event header carries the statement's start in seconds (MySQL 8 gives Debezium the commit's
     * microseconds), which made commit → capture read up to a second too long. {@code updated_at}
     * ({@code TIMESTAMP(3)}, set by the same statement) is taken only inside the binlog's second, so it never
     * contradicts it; in a transaction of several statements it is the row's statement, not the commit.
     */
    static long commitTime(long binlogMillis, JsonNode after) {
        JsonNode updated = after == null ? null : after.get(UPDATED_AT);
        if (binlogMillis % 1000 != 0 || updated == null || !updated.isTextual()) {
            return binlogMillis;
        }
        try {
            long rowMillis = Instant.parse(updated.asText()).toEpochMilli();
            return rowMillis >= binlogMillis && rowMillis < binlogMillis + 1000 ? rowMillis : binlogMillis;
        } catch (DateTimeParseException e) {
            return binlogMillis;
        }
    }

    private static ItemRow itemRow(JsonNode row) {
        String t = CdcSettings.ITEMS_TABLE;
        return new ItemRow(
                requiredLong(row, t, "id"),
                optionalLong(row, t, "seller_id"),
                optionalText(row, t, "title"),
                optionalText(row, t, "description"),
                optionalText(row, t, "category"),
                optionalLong(row, t, "price_cents"),
                optionalText(row, t, "currency"),
                optionalText(row, t, "item_condition"),
                optionalText(row, t, "image_url"),
                optionalText(row, t, "status"));
    }

    private static SellerRow sellerRow(JsonNode row) {
        String t = CdcSettings.SELLERS_TABLE;
        return new SellerRow(
                requiredLong(row, t, "id"),
                optionalText(row, t, "display_name"),
                optionalDouble(row, t, "rating"),
                optionalText(row, t, "city"));
    }

    /** The row object, or null when the field is absent or JSON null (inserts have no before row). */
    private static JsonNode row(JsonNode event, String field) {
        JsonNode row = event.get(field);
        if (row == null || row.isNull()) {
            return null;
        }
        if (!row.isObject()) {
            throw new IllegalArgumentException(field + " row is not an object: " + row);
        }
        return row;
    }

    private static int rowIndex(JsonNode source) {
        long row = requiredLong(source, "source", "row");
        if (row > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("source.row is too big: " + row);
        }
        return (int) row;
    }

    private static String requiredText(JsonNode node, String where, String field) {
        String text = optionalText(node, where, field);
        if (text == null) {
            throw new IllegalArgumentException(where + "." + field + " is missing");
        }
        return text;
    }

    private static long requiredLong(JsonNode node, String where, String field) {
        Long value = optionalLong(node, where, field);
        if (value == null) {
            throw new IllegalArgumentException(where + "." + field + " is missing");
        }
        return value;
    }

    private static String optionalText(JsonNode node, String where, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(where + "." + field + " is not text: " + value);
        }
        return value.textValue();
    }

    private static Long optionalLong(JsonNode node, String where, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException(where + "." + field + " is not an integer: " + value);
        }
        return value.longValue();
    }

    private static Double optionalDouble(JsonNode node, String where, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException(where + "." + field + " is not a number: " + value);
        }
        return value.doubleValue();
    }
}
