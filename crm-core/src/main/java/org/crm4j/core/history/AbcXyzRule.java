package org.crm4j.core.history;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crm4j.client.ClientId;
import org.crm4j.common.Money;
import org.crm4j.history.AbcXyz;
import org.crm4j.history.AbcXyzThresholds;

/**
 * ABC/XYZ classification as a pure function of the clients' monthly sales (the rules are stated on
 * {@link AbcXyzThresholds}); the in-memory store applies it, crm-jpa computes the same in SQL.
 */
public final class AbcXyzRule {
    private AbcXyzRule() {
    }

    /**
     * Classes every client whose monthly sales sum above 0.
     *
     * @param currency   the currency of the amounts
     * @param months     the number of months of the period, at least 1
     * @param monthly    per client, its sales amount per month ({@code months} entries, 0 for a month without)
     * @param thresholds the thresholds
     * @return the classes, biggest client first (equal amounts in no particular order)
     */
    public static List<AbcXyz> classify(Currency currency, int months, Map<ClientId, BigDecimal[]> monthly,
                                        AbcXyzThresholds thresholds) {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(thresholds, "thresholds");
        if (months < 1) {
            throw new IllegalArgumentException("a period has at least one month, was " + months);
        }
        record Client(ClientId id, BigDecimal total, BigDecimal squares) {
        }
        List<Client> clients = new ArrayList<>();
        BigDecimal grand = BigDecimal.ZERO;
        for (var e : monthly.entrySet()) {
            BigDecimal total = BigDecimal.ZERO;
            BigDecimal squares = BigDecimal.ZERO;
            if (e.getValue().length != months) {
                throw new IllegalArgumentException("client " + e.getKey() + " has " + e.getValue().length
                        + " monthly amounts for " + months + " months");
            }
            for (BigDecimal m : e.getValue()) {
                total = total.add(m);
                squares = squares.add(m.multiply(m));
            }
            if (total.signum() > 0) {
                clients.add(new Client(e.getKey(), total, squares));
                grand = grand.add(total);
            }
        }
        clients.sort(Comparator.comparing(Client::total).reversed());
        List<AbcXyz> classes = new ArrayList<>(clients.size());
        BigDecimal greater = BigDecimal.ZERO;
        BigDecimal running = BigDecimal.ZERO;
        for (int i = 0; i < clients.size(); i++) {
            Client c = clients.get(i);
            if (i > 0 && c.total().compareTo(clients.get(i - 1).total()) < 0) {
                greater = running;
            }
            running = running.add(c.total());
            classes.add(new AbcXyz(c.id(), Money.of(c.total(), currency), thresholds.abc(greater, grand),
                    thresholds.xyz(months, c.total(), c.squares())));
        }
        return classes;
    }
}
