package org.crm4j.history;

import java.math.BigDecimal;
import java.util.Objects;
import org.crm4j.common.Violations;

/**
 * The thresholds of ABC/XYZ classification, as fractions (0.80 is 80 %). Immutable.
 *
 * <p><b>ABC.</b> Clients are taken by their sales amount in the period, biggest first. A client's <em>share
 * before</em> is the sum of the clients that sold strictly more, divided by the sum of all; it is class A when
 * that share is below {@code a}, B when below {@code b}, else C. So the client that crosses the A share is still
 * A (the top client is always A), and clients with equal amounts always get the same class, whatever their order.
 *
 * <p><b>XYZ.</b> A client's monthly sales amounts over <em>every</em> month of the period, months without sales
 * counting as 0, give a mean and a population standard deviation; their ratio, the coefficient of variation,
 * makes class X when at most {@code x}, Y when at most {@code y}, else Z. A period of one month gives every
 * client X (there is no variation to measure); a client who bought in one month of twelve has a coefficient of
 * √11 ≈ 3.3 and is Z. The comparison is exact: {@code M·Σm² − T² ≤ x²·T²} for M months, monthly sums m and total
 * T, with no square root nor division.
 *
 * @param a the A share, above 0 and below {@code b}
 * @param b the B share, at most 1
 * @param x the X coefficient, at least 0 and below {@code y}
 * @param y the Y coefficient, at most 100
 */
public record AbcXyzThresholds(BigDecimal a, BigDecimal b, BigDecimal x, BigDecimal y) {
    /** A up to 80 %, B up to 95 %; X up to 10 %, Y up to 25 %. */
    public static final AbcXyzThresholds DEFAULT = new AbcXyzThresholds(new BigDecimal("0.80"),
            new BigDecimal("0.95"), new BigDecimal("0.10"), new BigDecimal("0.25"));

    public AbcXyzThresholds {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Violations v = new Violations();
        scale(v, "a", a);
        scale(v, "b", b);
        scale(v, "x", x);
        scale(v, "y", y);
        if (a.signum() <= 0 || a.compareTo(b) >= 0 || b.compareTo(BigDecimal.ONE) > 0) {
            v.add("a", "abc.thresholds", a + " < " + b,
                    "the ABC shares must ascend within (0, 1]: 0 < a < b <= 1, were a " + a + ", b " + b);
        }
        if (x.signum() < 0 || x.compareTo(y) >= 0 || y.compareTo(BigDecimal.valueOf(100)) > 0) {
            v.add("x", "xyz.thresholds", x + " < " + y,
                    "the XYZ coefficients must ascend: 0 <= x < y <= 100, were x " + x + ", y " + y);
        }
        v.throwIfAny();
    }

    private static void scale(Violations v, String field, BigDecimal value) {
        if (value.stripTrailingZeros().scale() > 6) {
            v.add(field, "abc-xyz.threshold-scale", value.toPlainString(),
                    field + " has at most 6 fraction digits, was " + value.toPlainString());
        }
    }

    /** Thresholds with the given A and B shares and the default XYZ ones. */
    public AbcXyzThresholds withAbc(BigDecimal a, BigDecimal b) {
        return new AbcXyzThresholds(a, b, x, y);
    }

    /** Thresholds with the given X and Y coefficients and the default ABC ones. */
    public AbcXyzThresholds withXyz(BigDecimal x, BigDecimal y) {
        return new AbcXyzThresholds(a, b, x, y);
    }

    /** The class of a client whose bigger competitors together sold {@code greater} of {@code total}. */
    public AbcClass abc(BigDecimal greater, BigDecimal total) {
        if (greater.compareTo(a.multiply(total)) < 0) {
            return AbcClass.A;
        }
        return greater.compareTo(b.multiply(total)) < 0 ? AbcClass.B : AbcClass.C;
    }

    /**
     * The class of a client who sold {@code total} over {@code months} months, the squares of its monthly sums
     * summing to {@code squares}.
     */
    public XyzClass xyz(int months, BigDecimal total, BigDecimal squares) {
        BigDecimal spread = BigDecimal.valueOf(months).multiply(squares).subtract(total.multiply(total));
        BigDecimal totalSquared = total.multiply(total);
        if (spread.compareTo(x.multiply(x).multiply(totalSquared)) <= 0) {
            return XyzClass.X;
        }
        return spread.compareTo(y.multiply(y).multiply(totalSquared)) <= 0 ? XyzClass.Y : XyzClass.Z;
    }
}
