package io.mlrollout.api.v1alpha1;

import java.time.Duration;
import java.util.regex.Matcher;

/** Kubernetes-style durations such as {@code 500ms}, {@code 30s}, {@code 5m} or {@code 1h30m}. */
public final class Durations {

    /** The schema pattern; {@link #parse} accepts exactly what it matches. */
    public static final String PATTERN = "^([0-9]+(ms|s|m|h))+$";

    private static final java.util.regex.Pattern PART = java.util.regex.Pattern.compile("([0-9]+)(ms|s|m|h)");

    private Durations() {
    }

    /**
     * @throws IllegalArgumentException with a message naming the bad value
     */
    public static Duration parse(String text) {
        if (text == null || !text.matches(PATTERN)) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; use a number with a unit ms, s, m "
                    + "or h, e.g. 30s, 5m or 1h30m");
        }
        try {
            Duration total = Duration.ZERO;
            Matcher matcher = PART.matcher(text);
            while (matcher.find()) {
                total = total.plus(part(Long.parseLong(matcher.group(1)), matcher.group(2)));
            }
            return total;
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration", e);
        }
    }

    private static Duration part(long amount, String unit) {
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /** Formats a duration the way users write it: {@code 90s} becomes {@code 1m30s}. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        append(text, duration.toHours(), "h");
        append(text, duration.toMinutesPart(), "m");
        append(text, duration.toSecondsPart(), "s");
        append(text, duration.toMillisPart(), "ms");
        return text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(amount).append(unit);
        }
    }
}
