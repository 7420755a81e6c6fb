package dev.listcast.processor.listing;

import java.util.Objects;
import java.util.function.Function;

/**
 * What the listing rules decided about one change: emit a value, ignore the change (not a listing), or reject it
 * with a reason fit for a dead letter. Errors are values here, so a runner routes them instead of catching.
 *
 * @param <T> what is emitted: a {@code ListingDraft} before enrichment, a {@code ListingEvent} after
 */
public sealed interface Outcome<T> permits Outcome.Emit, Outcome.Ignore, Outcome.Reject {

    static <T> Outcome<T> emit(T value) {
        return new Emit<>(value);
    }

    @SuppressWarnings("unchecked")
    static <T> Outcome<T> ignore() {
        return (Outcome<T>) Ignore.INSTANCE;
    }

    static <T> Outcome<T> reject(String reason) {
        return new Reject<>(reason);
    }

    /** The same decision with an emitted value transformed; ignores and rejections pass through. */
    default <R> Outcome<R> map(Function<? super T, ? extends R> mapper) {
        return switch (this) {
            case Emit<T> emit -> emit(mapper.apply(emit.value()));
            case Ignore<T> ignore -> ignore();
            case Reject<T> reject -> reject(reject.reason());
        };
    }

    /** A value to pass on. */
    record Emit<T>(T value) implements Outcome<T> {
        public Emit {
            Objects.requireNonNull(value, "value == null");
        }
    }

    /** Not something buyers are told about (a delete, a draft, an edit of a listed item). */
    record Ignore<T>() implements Outcome<T> {
        private static final Ignore<?> INSTANCE = new Ignore<>();
    }

    /** Looked like a listing but cannot be one; {@code reason} becomes the dead-letter reason. */
    record Reject<T>(String reason) implements Outcome<T> {
        public Reject {
            Objects.requireNonNull(reason, "reason == null");
        }
    }
}
