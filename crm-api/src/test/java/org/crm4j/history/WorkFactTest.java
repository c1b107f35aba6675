package org.crm4j.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crm4j.tck.Refusals.refusal;
import static org.crm4j.tck.Refusals.refused;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.crm4j.client.ClientId;
import org.crm4j.common.Money;
import org.crm4j.common.Violation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WorkFactTest {
    private static final WorkFactId ID = WorkFactId.of(new UUID(1, 1));
    private static final ClientId CLIENT = ClientId.of(new UUID(2, 2));
    private static final DocumentLine KEY = DocumentLine.of("РН-1", 1);
    private static final Instant AT = Instant.parse("2026-01-10T09:00:00Z");

    private static SaleLine sale(BigDecimal quantity, Money amount) {
        return new SaleLine(ID, KEY, CLIENT, AT, "P-1", "Кабель", quantity, amount, null);
    }

    @Test
    @DisplayName("a document line is stripped; an empty or long document id and a line below 1 are refused")
    void documentLine() {
        assertThat(DocumentLine.of("  РН-1 ", 1)).isEqualTo(KEY);
        assertThat(DocumentLine.of("x".repeat(100), 7).line()).isEqualTo(7);
        refused(() -> DocumentLine.of(" ", 1), "documentId", "work-fact.document-id", "");
        refused(() -> DocumentLine.of("x".repeat(101), 1), "documentId", "work-fact.document-id", "x".repeat(101));
        refused(() -> DocumentLine.of("РН-1", 0), "line", "work-fact.line", "0", "0");
        assertThat(refusal(() -> DocumentLine.of(null, -1)).violations()).extracting(Violation::field)
                .containsExactly("documentId", "line");
    }

    @Test
    @DisplayName("a sale line keeps its moment to the microsecond and its quantity without trailing zeros")
    void saleLineNormalised() {
        SaleLine line = new SaleLine(ID, KEY, CLIENT, Instant.parse("2026-01-10T09:00:00.123456789Z"), " P-1 ",
                " Кабель ", new BigDecimal("2.500"), Money.of("0", "RUB"), null);

        assertThat(line.at()).isEqualTo(Instant.parse("2026-01-10T09:00:00.123456Z"));
        assertThat(line.quantity()).isEqualTo(new BigDecimal("2.5"));
        assertThat(line.productCode()).isEqualTo("P-1");
        assertThat(sale(new BigDecimal("1E+2"), Money.of("1", "RUB")).quantity()).isEqualTo(new BigDecimal("100"));
        assertThat(line.kind()).isEqualTo(WorkFactKind.SALE);
    }

    @Test
    @DisplayName("a sale line refuses a quantity of 0 or too precise, a negative or huge amount, empty texts")
    void saleLineRefusals() {
        refused(() -> sale(BigDecimal.ZERO, Money.of("1", "RUB")), "quantity", "work-fact.quantity", "0");
        refused(() -> sale(new BigDecimal("0.0000001"), Money.of("1", "RUB")), "quantity",
                "work-fact.quantity-range", "0.0000001");
        refused(() -> sale(new BigDecimal("1E+12"), Money.of("1", "RUB")), "quantity", "work-fact.quantity-range",
                "1000000000000");
        refused(() -> sale(BigDecimal.ONE, Money.of("-0.01", "RUB")), "amount", "work-fact.amount", "-0.01 RUB");
        refused(() -> sale(BigDecimal.ONE, Money.of("1E+18", "RUB")), "amount", "work-fact.amount-range",
                "1000000000000000000.00 RUB");
        assertThat(refusal(() -> new SaleLine(ID, KEY, CLIENT, AT, "", "x".repeat(301), BigDecimal.ONE,
                Money.of("1", "RUB"), null)).violations()).extracting(Violation::field)
                .containsExactly("productCode", "productName");
        assertThatThrownBy(() -> new SaleLine(ID, null, CLIENT, AT, "P", "N", BigDecimal.ONE, Money.of("1", "RUB"),
                null)).isInstanceOf(NullPointerException.class).hasMessage("key");
    }

    @Test
    @DisplayName("a payment needs an amount above 0 and days late of 0 or more; a claim a subject")
    void paymentAndClaim() {
        refused(() -> new Payment(ID, KEY, CLIENT, AT, Money.of("0", "RUB"), PaymentMethod.CASH, 0), "amount",
                "work-fact.amount", "0.00 RUB", "above");
        refused(() -> new Payment(ID, KEY, CLIENT, AT, Money.of("1", "RUB"), PaymentMethod.CASH, -1), "daysLate",
                "work-fact.days-late", "-1");
        refused(() -> new Claim(ID, KEY, CLIENT, AT, " ", null), "subject", "work-fact.subject", "");
        refused(() -> new Claim(ID, KEY, CLIENT, AT, "Брак", Money.of("-1", "RUB")), "amount", "work-fact.amount",
                "-1.00 RUB");
        assertThat(new Claim(ID, KEY, CLIENT, AT, "Брак", null).kind()).isEqualTo(WorkFactKind.CLAIM);
        assertThat(new Payment(ID, KEY, CLIENT, AT, Money.of("1", "RUB"), PaymentMethod.CARD, 0).kind())
                .isEqualTo(WorkFactKind.PAYMENT);
    }

    @Test
    @DisplayName("the same content under another id is the same fact; another amount is not")
    void sameContent() {
        SaleLine line = sale(BigDecimal.ONE, Money.of("10", "RUB"));
        SaleLine resent = new SaleLine(WorkFactId.of(new UUID(9, 9)), DocumentLine.of("РН-1 ", 1), CLIENT, AT,
                "P-1", "Кабель", new BigDecimal("1.000"), Money.of("10.00", "RUB"), null);

        assertThat(line.sameContentAs(resent)).isTrue();
        assertThat(line.sameContentAs(sale(BigDecimal.ONE, Money.of("11", "RUB")))).isFalse();
        assertThat(line.sameContentAs(new Claim(ID, KEY, CLIENT, AT, "Брак", null))).isFalse();
    }

    @Property(tries = 200)
    @Label("a quantity read back at any scale is the same quantity")
    void quantityScaleIsIrrelevant(@ForAll @BigRange(min = "0.000001", max = "999999") @Scale(6) BigDecimal q) {
        SaleLine line = sale(q, Money.of("1", "RUB"));

        assertThat(sale(q.setScale(6), Money.of("1", "RUB"))).isEqualTo(line);
        assertThat(sale(line.quantity(), Money.of("1", "RUB"))).isEqualTo(line);
    }

    @Test
    @DisplayName("thresholds classify at their boundaries: the share reaching A is still A, equal CV included")
    void thresholds() {
        AbcXyzThresholds t = AbcXyzThresholds.DEFAULT;

        assertThat(t.abc(new BigDecimal("79.99"), new BigDecimal("100"))).isEqualTo(AbcClass.A);
        assertThat(t.abc(new BigDecimal("80"), new BigDecimal("100"))).isEqualTo(AbcClass.B);
        assertThat(t.abc(new BigDecimal("95"), new BigDecimal("100"))).isEqualTo(AbcClass.C);
        assertThat(t.xyz(1, BigDecimal.TEN, new BigDecimal("100"))).isEqualTo(XyzClass.X);
        refused(() -> new AbcXyzThresholds(new BigDecimal("0.8"), new BigDecimal("1.1"), t.x(), t.y()), "a",
                "abc.thresholds", "0.8 < 1.1");
    }
}
