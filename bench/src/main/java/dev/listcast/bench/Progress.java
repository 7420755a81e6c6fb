package dev.listcast.bench;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Progress lines on the console, so a long run shows it is alive. */
public final class Progress {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Progress() {
    }

    public static void say(String format, Object... args) {
        System.out.println("[" + LocalTime.now().format(TIME) + "] " + String.format(format, args));
        System.out.flush();
    }
}
