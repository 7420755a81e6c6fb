package dev.listcast.edge.stream;

import dev.listcast.edge.ApiException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The head of an HTTP/1.x request on the stream listener: request line, headers (names lower-cased, repeats joined)
 * and the decoded query. Parsed strictly and bounded, because the listener faces the internet without Helidon in
 * front of it.
 */
record RequestHead(String method, String path, Map<String, String> query, Map<String, String> headers) {
    /** Longest head accepted: browsers send well under 2 KiB, a session cookie included. */
    static final int MAX_BYTES = 8 * 1024;

    private static final int MAX_HEADERS = 64;

    /** The length of the head in {@code bytes[0..length)} up to and including its blank line, or -1 if incomplete. */
    static int length(byte[] bytes, int length) {
        for (int i = 3; i < length; i++) {
            if (bytes[i] == '\n' && bytes[i - 1] == '\r' && bytes[i - 2] == '\n' && bytes[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    /** @throws ApiException 400 naming what is malformed */
    static RequestHead parse(byte[] bytes, int length) {
        String[] lines = new String(bytes, 0, length, StandardCharsets.ISO_8859_1).split("\r\n");
        if (lines.length == 0) {
            throw ApiException.badRequest("empty request head");
        }
        String[] request = lines[0].split(" ", -1);
        if (request.length != 3 || !request[2].startsWith("HTTP/1.") || request[0].isEmpty()
                || !request[1].startsWith("/")) {
            throw ApiException.badRequest("malformed request line");
        }
        if (lines.length - 1 > MAX_HEADERS) {
            throw ApiException.badRequest("more than " + MAX_HEADERS + " headers");
        }
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            // RFC 9112: no white space before the colon, no folded continuation lines; proxies read those differently.
            if (colon <= 0 || !printable(lines[i]) || Character.isWhitespace(lines[i].charAt(0))
                    || Character.isWhitespace(lines[i].charAt(colon - 1))) {
                throw ApiException.badRequest("malformed header line " + i);
            }
            String name = lines[i].substring(0, colon).toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip();
            headers.merge(name, value, (a, b) -> a + (name.equals("cookie") ? "; " : ", ") + b);
        }
        String target = request[1];
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        return new RequestHead(request[0], path, question < 0 ? Map.of() : query(target.substring(question + 1)),
                headers);
    }

    Optional<String> header(String lowerCaseName) {
        return Optional.ofNullable(headers.get(lowerCaseName));
    }

    /** The first value of query parameter {@code name}. */
    Optional<String> param(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /**
     * The value of cookie {@code name}. Pairs are split on {@code ;} only (RFC 6265): a comma belongs to a value, so
     * a cookie another app on this host set to {@code x=a,listcast_session=...} cannot pass for the session.
     */
    Optional<String> cookie(String name) {
        return header("cookie").flatMap(all -> {
            for (String pair : all.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
                    String value = pair.substring(eq + 1).strip();
                    return Optional.of(value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")
                            ? value.substring(1, value.length() - 1) : value);
                }
            }
            return Optional.empty();
        });
    }

    /** Header values may hold tabs and visible Latin-1, never other control characters. */
    private static boolean printable(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("malformed query parameter: " + e.getMessage());
            }
        }
        return params;
    }
}
