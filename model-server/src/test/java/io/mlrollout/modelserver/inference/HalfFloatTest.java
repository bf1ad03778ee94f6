package io.mlrollout.modelserver.inference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** FP16 conversion: exact for every half value, IEEE rounding for everything between. */
class HalfFloatTest {

    @Test
    void everyNonNaNHalfSurvivesTheRoundTrip() {
        for (int bits = 0; bits <= 0xffff; bits++) {
            float value = HalfFloat.toFloat((short) bits);
            if (!Float.isNaN(value)) {
                assertThat(HalfFloat.fromFloat(value) & 0xffff).as("0x%04x (%s)", bits, value).isEqualTo(bits);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "1.0, 3c00", "-2.0, c000", "65504, 7bff", "65519.99, 7bff", "65520, 7c00", "1e9, 7c00",
        "0.1, 2e66", "5.9604645E-8, 0001", "2.0E-8, 0000", "0.33333334, 3555", "1.00048828125, 3c00", "1.00146484375, 3c02"
    })
    void roundsToTheNearestHalfTiesToEven(float value, String expectedHex) {
        assertThat(HalfFloat.fromFloat(value) & 0xffff).isEqualTo(Integer.parseInt(expectedHex, 16));
    }

    @Test
    void nanAndInfinitiesKeepTheirKind() {
        assertThat(HalfFloat.toFloat(HalfFloat.fromFloat(Float.NaN))).isNaN();
        assertThat(HalfFloat.toFloat(HalfFloat.fromFloat(Float.NEGATIVE_INFINITY))).isEqualTo(Float.NEGATIVE_INFINITY);
    }
}
