package org.crm4j.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.crm4j.client.ClientId;
import org.crm4j.common.ValidationException;
import org.crm4j.history.AbcClass;
import org.crm4j.history.AbcXyz;
import org.crm4j.history.AbcXyzThresholds;
import org.crm4j.history.WorkFact;
import org.crm4j.history.XyzClass;
import org.crm4j.tck.ClientFixture;
import org.crm4j.tck.WorkHistoryFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AbcXyzRuleTest {
    private static final Currency RUB = Currency.getInstance("RUB");

    /**
     * The naive reading of the rule: for each client, add up every client that sold strictly more, divide by
     * the total and compare with the shares.
     */
    private static AbcClass oracle(List<Integer> totals, int own, AbcXyzThresholds t) {
        long grand = totals.stream().filter(x -> x > 0).mapToLong(Integer::longValue).sum();
        long greater = totals.stream().filter(x -> x > own).mapToLong(Integer::longValue).sum();
        BigDecimal share = BigDecimal.valueOf(greater).divide(BigDecimal.valueOf(grand), 40, RoundingMode.HALF_EVEN);
        return share.compareTo(t.a()) < 0 ? AbcClass.A : share.compareTo(t.b()) < 0 ? AbcClass.B : AbcClass.C;
    }

    @Property(tries = 300)
    @Label("the ABC classes match the naive oracle, for any amounts and any valid shares")
    void abcMatchesOracle(@ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 50) Integer> totals,
                          @ForAll @IntRange(min = 1, max = 98) int aPercent,
                          @ForAll @IntRange(min = 1, max = 99) int gap) {
        int bPercent = Math.min(100, aPercent + gap);
        AbcXyzThresholds t = AbcXyzThresholds.DEFAULT.withAbc(BigDecimal.valueOf(aPercent, 2),
                BigDecimal.valueOf(bPercent, 2));
        Map<ClientId, BigDecimal[]> monthly = new HashMap<>();
        for (int i = 0; i < totals.size(); i++) {
            monthly.put(ClientFixture.id(i), new BigDecimal[] {BigDecimal.valueOf(totals.get(i))});
        }

        List<AbcXyz> classes = AbcXyzRule.classify(RUB, 1, monthly, t);

        assertThat(classes).hasSize((int) totals.stream().filter(x -> x > 0).count());
        for (AbcXyz c : classes) {
            int i = (int) c.client().value().getLeastSignificantBits();
            assertThat(c.abc()).as("client %d of %s", i, totals).isEqualTo(oracle(totals, totals.get(i), t));
            assertThat(c.xyz()).isEqualTo(XyzClass.X);
        }
    }

    @Property(tries = 100)
    @Label("the in-memory store's ABC classes, sale lines summed per client, match the naive oracle")
    void storeMatchesOracle(@ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 20) Integer> lines) {
        // Line k belongs to client k % 7; the amounts are small, so that clients often tie.
        InMemoryWorkHistoryStore store = new InMemoryWorkHistoryStore();
        List<WorkFact> facts = new ArrayList<>();
        Integer[] totals = new Integer[7];
        java.util.Arrays.fill(totals, 0);
        for (int k = 0; k < lines.size(); k++) {
            facts.add(WorkHistoryFixture.sale(k, k % 7, "РН-" + k, 1, "2026-01-15T10:00:00Z",
                    String.valueOf(lines.get(k))));
            totals[k % 7] += lines.get(k);
        }
        store.feed(facts);
        List<Integer> all = List.of(totals);

        List<AbcXyz> classes = store.abcXyz(RUB, List.of(Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-02-01T00:00:00Z")), AbcXyzThresholds.DEFAULT);

        assertThat(classes).hasSize((int) all.stream().filter(x -> x > 0).count());
        for (AbcXyz c : classes) {
            int client = (int) c.client().value().getLeastSignificantBits();
            assertThat(c.abc()).isEqualTo(oracle(all, totals[client], AbcXyzThresholds.DEFAULT));
        }
    }

    @Property(tries = 200)
    @Label("the XYZ class matches the coefficient of variation computed with a square root")
    void xyzMatchesCoefficient(@ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 1000) Integer> months) {
        BigDecimal[] amounts = months.stream().map(BigDecimal::valueOf).toArray(BigDecimal[]::new);
        double mean = months.stream().mapToInt(Integer::intValue).average().orElse(0);
        double variance = months.stream().mapToDouble(m -> (m - mean) * (m - mean)).sum() / months.size();
        double cv = Math.sqrt(variance) / mean;

        List<AbcXyz> classes = AbcXyzRule.classify(RUB, months.size(), Map.of(ClientFixture.id(1), amounts),
                AbcXyzThresholds.DEFAULT);

        if (mean == 0) {
            assertThat(classes).isEmpty();
        } else if (Math.abs(cv - 0.10) > 1e-9 && Math.abs(cv - 0.25) > 1e-9) {
            assertThat(classes.get(0).xyz()).isEqualTo(cv <= 0.10 ? XyzClass.X : cv <= 0.25 ? XyzClass.Y : XyzClass.Z);
        }
    }

    @Test
    @DisplayName("a buyer of one month in twelve is Z; a steady buyer is X; the exact threshold is included")
    void xyzCases() {
        BigDecimal[] once = new BigDecimal[12];
        BigDecimal[] steady = new BigDecimal[12];
        for (int m = 0; m < 12; m++) {
            once[m] = m == 5 ? BigDecimal.TEN : BigDecimal.ZERO;
            steady[m] = BigDecimal.TEN;
        }
        // 90 and 110: a coefficient of exactly 10 %.
        BigDecimal[] edge = {new BigDecimal("90"), new BigDecimal("110")};

        assertThat(AbcXyzRule.classify(RUB, 12, Map.of(ClientFixture.id(1), once), AbcXyzThresholds.DEFAULT))
                .extracting(AbcXyz::xyz).containsExactly(XyzClass.Z);
        assertThat(AbcXyzRule.classify(RUB, 12, Map.of(ClientFixture.id(1), steady), AbcXyzThresholds.DEFAULT))
                .extracting(AbcXyz::xyz).containsExactly(XyzClass.X);
        assertThat(AbcXyzRule.classify(RUB, 2, Map.of(ClientFixture.id(1), edge), AbcXyzThresholds.DEFAULT))
                .extracting(AbcXyz::xyz).containsExactly(XyzClass.X);
    }

    @Test
    @DisplayName("thresholds that do not ascend within their range are refused")
    void thresholdsRefused() {
        assertThatThrownBy(() -> AbcXyzThresholds.DEFAULT.withAbc(new BigDecimal("0.95"), new BigDecimal("0.80")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("a"));
        assertThatThrownBy(() -> AbcXyzThresholds.DEFAULT.withAbc(BigDecimal.ZERO, new BigDecimal("0.5")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> AbcXyzThresholds.DEFAULT.withXyz(new BigDecimal("0.3"), new BigDecimal("0.2")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("x"));
        assertThatThrownBy(() -> AbcXyzThresholds.DEFAULT.withXyz(new BigDecimal("0.1234567"),
                new BigDecimal("0.2"))).isInstanceOf(ValidationException.class);
    }
}
