package io.mlrollout.modelserver.inference;

/**
 * IEEE 754 half precision (FP16) to and from float. Java 17 has no half type (Float.float16ToFloat
 * came in Java 20), and FP16 tensors travel as 16-bit patterns.
 */
public final class HalfFloat {

    /** The largest finite half value. */
    public static final float MAX_VALUE = 65504f;

    private HalfFloat() {}

    public static float toFloat(short bits) {
        int sign = (bits >>> 15) & 0x1;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        float magnitude;
        if (exponent == 0) {
            magnitude = mantissa * 0x1p-24f; // subnormal: mantissa * 2^-14 / 1024
        } else if (exponent == 0x1f) {
            magnitude = mantissa == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        } else {
            magnitude = Float.intBitsToFloat((exponent - 15 + 127) << 23 | mantissa << 13);
        }
        return sign == 0 ? magnitude : -magnitude;
    }

    /** Rounds to the nearest half (ties to even); beyond {@link #MAX_VALUE} gives infinity. */
    public static short fromFloat(float value) {
        int bits = Float.floatToIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = (bits >>> 23) & 0xff;
        int mantissa = bits & 0x7fffff;
        if (exponent == 0xff) {
            return (short) (sign | 0x7c00 | (mantissa != 0 ? 0x200 : 0));
        }
        int halfExponent = exponent - 127 + 15;
        if (halfExponent >= 0x1f) {
            return (short) (sign | 0x7c00);
        }
        if (halfExponent <= 0) {
            if (halfExponent < -10) {
                return (short) sign;
            }
            int full = mantissa | 0x800000;
            int shift = 14 - halfExponent;
            return (short) (sign | roundShift(full, shift));
        }
        int rounded = roundShift(halfExponent << 23 | mantissa, 13);
        // A carry out of the mantissa bumps the exponent, up to infinity: still the right bits.
        return (short) (sign | rounded);
    }

    private static int roundShift(int value, int shift) {
        int kept = value >>> shift;
        int rest = value & ((1 << shift) - 1);
        int half = 1 << (shift - 1);
        if (rest > half || (rest == half && (kept & 1) == 1)) {
            kept++;
        }
        return kept;
    }
}
