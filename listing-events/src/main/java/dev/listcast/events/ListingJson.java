package dev.listcast.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * The one codec of the contract: records to UTF-8 JSON bytes and back. Unknown fields are ignored so a newer
 * producer never breaks an older consumer; anything unreadable becomes a {@link ListingCodecException} whose
 * message is fit for a dead-letter reason.
 */
public final class ListingJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private ListingJson() {
    }

    public static byte[] encode(Object record) {
        try {
            return MAPPER.writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new ListingCodecException("cannot encode " + record.getClass().getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    public static <T> T decode(byte[] bytes, Class<T> type) {
        if (bytes == null || bytes.length == 0) {
            throw new ListingCodecException("empty " + type.getSimpleName(), null);
        }
        try {
            T value = MAPPER.readValue(bytes, type);
            if (value == null) {
                throw new ListingCodecException("null " + type.getSimpleName(), null);
            }
            return value;
        } catch (IOException e) {
            throw new ListingCodecException("invalid " + type.getSimpleName() + ": " + reason(e), e);
        }
    }

    public static ItemChange itemChange(byte[] bytes) {
        return decode(bytes, ItemChange.class);
    }

    public static SellerChange sellerChange(byte[] bytes) {
        return decode(bytes, SellerChange.class);
    }

    public static ListingEvent listingEvent(byte[] bytes) {
        return decode(bytes, ListingEvent.class);
    }

    public static DeadLetter deadLetter(byte[] bytes) {
        return decode(bytes, DeadLetter.class);
    }

    /** Surfaces the record's own argument check ("price must be positive: -1") rather than Jackson's wrapper. */
    private static String reason(IOException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause instanceof JsonProcessingException json ? json.getOriginalMessage() : cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
