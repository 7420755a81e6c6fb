package dev.listcast.events;

/** Bytes that are not the record they claim to be; the message is the dead-letter reason. */
public final class ListingCodecException extends RuntimeException {
    public ListingCodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
