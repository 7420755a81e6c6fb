package dev.listcast.events;

/** Argument checks whose messages name the bad value, as JavaPoet's {@code Util.checkArgument} does. */
final class Checks {
    private Checks() {
    }

    static void checkArgument(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(format, args));
        }
    }

    static <T> T checkNotNull(T value, String format, Object... args) {
        if (value == null) {
            throw new NullPointerException(String.format(format, args));
        }
        return value;
    }
}
