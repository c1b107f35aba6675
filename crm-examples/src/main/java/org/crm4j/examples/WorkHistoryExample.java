package org.crm4j.examples;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientForm;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.common.ValidationException;
import org.crm4j.core.Crm;
import org.crm4j.core.history.PeriodLength;
import org.crm4j.core.history.RfmThresholds;
import org.crm4j.core.history.WorkHistory;
import org.crm4j.history.AbcXyzThresholds;
import org.crm4j.history.FeedResult;
import org.crm4j.history.PaymentMethod;

/**
 * The work history (M-1.4): the ERP feeds a quarter of sales, payments and a claim for two clients; feeding the
 * same documents again changes nothing, a changed line is refused; then a client's figures by month, RFM scores
 * and ABC/XYZ classes.
 *
 * <p>Run: {@code ./mvnw -q -pl crm-examples -am verify -DskipTests -Prun-example
 * -Dexample=org.crm4j.examples.WorkHistoryExample}
 */
public final class WorkHistoryExample {
    private static final Currency RUB = Currency.getInstance("RUB");

    private WorkHistoryExample() {
    }

    public static void main(String[] args) {
        Crm crm = Crm.builder().zone(ZoneId.of("Europe/Moscow")).build();
        ClientCard roga = crm.clients().register(ClientForm.organisation("Рога и копыта").inn("7707083893").build());
        ClientCard semin = crm.clients().register(ClientForm.soleProprietor("Сёмин", "Пётр", "Алексеевич")
                .inn("500100732259").build());
        WorkHistory history = crm.workHistory();

        FeedResult first = history.feed(feed -> erpExport(history, feed, roga, semin));
        FeedResult again = history.feed(feed -> erpExport(history, feed, roga, semin));
        System.out.println("Fed: " + first + "; the same export again: " + again);

        try {
            history.feed(feed -> feed.sale("РН-0001", 1, roga.id(), history.startOf(LocalDate.of(2026, 1, 12)),
                    "CAB-3x2.5", "Кабель ВВГнг 3x2.5", new BigDecimal("100"), Money.of("9999.00", "RUB"), null));
        } catch (ValidationException e) {
            System.out.println("Refused, nothing stored: " + e.violations());
        }

        System.out.println("Рога и копыта by month:");
        history.totals(roga.id(), PeriodLength.MONTH, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), RUB)
                .forEach(p -> System.out.println("  " + YearMonth.from(p.start()) + ": sales " + p.sales() + " in "
                        + p.saleDocuments() + " checks, average check " + p.averageCheck() + "; paid " + p.paid()
                        + ", " + p.averageDaysLate() + " days late on average; claims " + p.claims()));
        history.rfm(YearMonth.of(2026, 1), YearMonth.of(2026, 3), RUB, RfmThresholds.DEFAULT)
                .forEach(s -> System.out.println("RFM " + s.code() + ": " + s.client()));
        history.abcXyz(YearMonth.of(2026, 1), YearMonth.of(2026, 3), RUB, AbcXyzThresholds.DEFAULT)
                .forEach(c -> System.out.println("ABC/XYZ " + c.code() + ": " + c.client() + ", " + c.sales()));
    }

    /** What the ERP exports: the same documents every time it is run. */
    private static void erpExport(WorkHistory history, WorkHistory.Feed feed, ClientCard roga, ClientCard semin) {
        EmployeeId anna = EmployeeId.of("anna.smirnova");
        for (int month = 1; month <= 3; month++) {
            LocalDate day = LocalDate.of(2026, month, 12);
            String invoice = "РН-000" + month;
            feed.sale(invoice, 1, roga.id(), history.startOf(day), "CAB-3x2.5", "Кабель ВВГнг 3x2.5",
                            new BigDecimal("100"), Money.of("8500.00", "RUB"), anna)
                    .sale(invoice, 2, roga.id(), history.startOf(day), "BOX-100", "Коробка распаечная",
                            new BigDecimal("20"), Money.of("1500.00", "RUB"), anna)
                    .payment("ПП-" + month, 1, roga.id(), history.startOf(day.plusDays(9)), Money.of("10000.00", "RUB"),
                            PaymentMethod.BANK_TRANSFER, month - 1);
        }
        feed.sale("РН-0100", 1, semin.id(), history.startOf(LocalDate.of(2026, 2, 20)), "LAMP-9", "Лампа 9 Вт",
                        new BigDecimal("10"), Money.of("900.00", "RUB"), null)
                .claim("ПР-0001", 1, semin.id(), history.startOf(LocalDate.of(2026, 2, 25)), "Две лампы не горят",
                        Money.of("180.00", "RUB"));
    }
}
