package org.crm4j.tck;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.history.Claim;
import org.crm4j.history.DocumentLine;
import org.crm4j.history.Payment;
import org.crm4j.history.PaymentMethod;
import org.crm4j.history.SaleLine;
import org.crm4j.history.WorkFactId;

/**
 * Facts of the work history for tests: fact {@code n} has id {@link #id(long) id(n)}; clients are those of
 * {@link ClientFixture#id(long)}; moments are given as ISO instants ({@code 2026-01-15T10:00:00Z}).
 */
public final class WorkHistoryFixture {
    private WorkHistoryFixture() {
    }

    /** A deterministic fact id for sequence number {@code n}. */
    public static WorkFactId id(long n) {
        return WorkFactId.of(new UUID(0x0190_0000_0000_7400L, n));
    }

    /** A sale line of one unit of product P-1 for {@code amount} roubles. */
    public static SaleLine sale(long n, long client, String document, int line, String at, String amount) {
        return sale(n, client, document, line, at, amount, "RUB");
    }

    public static SaleLine sale(long n, long client, String document, int line, String at, String amount,
                                String currency) {
        return new SaleLine(id(n), DocumentLine.of(document, line), ClientFixture.id(client), Instant.parse(at),
                "P-1", "Кабель ВВГнг 3x2.5", BigDecimal.ONE, Money.of(amount, currency), EmployeeId.of("anna"));
    }

    /** A payment by bank transfer of {@code amount} roubles. */
    public static Payment payment(long n, long client, String document, String at, String amount, int daysLate) {
        return payment(n, client, document, at, amount, "RUB", daysLate);
    }

    public static Payment payment(long n, long client, String document, String at, String amount, String currency,
                                  int daysLate) {
        return new Payment(id(n), DocumentLine.of(document, 1), ClientFixture.id(client), Instant.parse(at),
                Money.of(amount, currency), PaymentMethod.BANK_TRANSFER, daysLate);
    }

    /** A claim naming no sum. */
    public static Claim claim(long n, long client, String document, String at) {
        return new Claim(id(n), DocumentLine.of(document, 1), ClientFixture.id(client), Instant.parse(at),
                "Недовложение в партии", null);
    }
}
