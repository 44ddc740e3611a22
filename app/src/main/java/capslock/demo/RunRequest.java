package capslock.demo;

import capslock.client.ReaderKind;
import capslock.client.WriterKind;
import capslock.common.Rates;
import capslock.common.Sizes;
import capslock.common.WaterMark;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * What the web view's buttons and form ask for, as the JSON body of {@code POST /api/runs}: {@code {"scenario": N}},
 * or a custom run, every field optional with the demo's value as default: {@code {"writer": "naive|watermark",
 * "reader": "after|concurrent", "waterMark": "32KiB:64KiB", "bytes": "8MiB", "writeSize": "1KiB",
 * "serverBackpressure": true, "readRate": "1MB/s"}}. A bad value is an {@link IllegalArgumentException} saying which.
 */
final class RunRequest {
    private RunRequest() {
    }

    static RunSpec parse(JsonNode body, DemoSettings settings, long largestPayload) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the request must be a JSON object");
        }
        if (body.has("scenario")) {
            int n = body.get("scenario").asInt(0);
            if (n < 1 || n > Scenario.values().length) {
                throw new IllegalArgumentException("scenario must be 1 to " + Scenario.values().length);
            }
            return Scenario.values()[n - 1].spec(settings);
        }
        WriterKind writer = choice(body, "writer", WriterKind.class, WriterKind.WATERMARK);
        ReaderKind reader = choice(body, "reader", ReaderKind.class, ReaderKind.CONCURRENT);
        WaterMark marks = body.hasNonNull("waterMark") ? WaterMark.parse(body.get("waterMark").asText()) : settings.waterMark();
        long bytes = body.hasNonNull("bytes") ? Sizes.parse(body.get("bytes").asText()) : settings.bytes();
        if (bytes < 1 || bytes > largestPayload) {
            throw new IllegalArgumentException("bytes must be from 1 B to " + Sizes.format(largestPayload));
        }
        long writeSize = body.hasNonNull("writeSize") ? Sizes.parse(body.get("writeSize").asText()) : settings.writeSize();
        if (writeSize < 1 || writeSize > 1 << 20) {
            throw new IllegalArgumentException("writeSize must be from 1 B to 1 MiB");
        }
        boolean backpressure = !body.has("serverBackpressure") || body.get("serverBackpressure").asBoolean(true);
        String rateText = body.hasNonNull("readRate") ? body.get("readRate").asText().trim() : "";
        long readRate = rateText.isEmpty() || rateText.equals("0") ? 0 : Rates.parse(rateText);
        String label = "custom: " + writer.name().toLowerCase(Locale.ROOT) + " writer, reads "
                + (reader == ReaderKind.AFTER ? "after sending" : "concurrently") + ", " + Sizes.format(bytes) + " in "
                + Sizes.format(writeSize) + " writes, water marks " + marks
                + (readRate > 0 ? ", reader at " + Rates.format(readRate) : "")
                + (backpressure ? "" : ", server backpressure off");
        return new RunSpec(label, writer, reader, marks, bytes, (int) writeSize, backpressure, readRate);
    }

    private static <E extends Enum<E>> E choice(JsonNode body, String field, Class<E> type, E otherwise) {
        if (!body.hasNonNull(field)) {
            return otherwise;
        }
        String text = body.get(field).asText();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text)) {
                return e;
            }
        }
        throw new IllegalArgumentException(field + " must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toList() + ", not '" + text + "'");
    }
}
