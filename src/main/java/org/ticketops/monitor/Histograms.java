package org.ticketops.monitor;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.DataFormatException;

import org.HdrHistogram.Histogram;

/**
 * Durations in milliseconds in HdrHistogram histograms with two significant digits: any percentile read from one
 * is within 1 % of the true value (HdrHistogram's stated error), and histograms of days merge into a period.
 * Stored compressed (a few hundred bytes to a few KB a row).
 */
final class Histograms {

    static final int SIGNIFICANT_DIGITS = 2;

    private Histograms() {
    }

    static Histogram empty() {
        Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
        histogram.setAutoResize(true);
        return histogram;
    }

    static byte[] encode(Histogram histogram) {
        if (histogram == null) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Arrays.copyOf(buffer.array(), length);
    }

    static Histogram decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            Histogram histogram = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
            histogram.setAutoResize(true);
            return histogram;
        } catch (DataFormatException e) {
            throw new IllegalStateException("A stored histogram cannot be read", e);
        }
    }

    /** Adds {@code more} into {@code into} (either may be null) and returns the sum. */
    static Histogram merge(Histogram into, Histogram more) {
        if (more == null) {
            return into;
        }
        if (into == null) {
            Histogram copy = empty();
            copy.add(more);
            return copy;
        }
        into.add(more);
        return into;
    }

    /** The value at a percentile (0-100) in milliseconds, or null when nothing was recorded. */
    static Long percentile(Histogram histogram, double percentile) {
        return histogram == null || histogram.getTotalCount() == 0 ? null : histogram.getValueAtPercentile(percentile);
    }
}
