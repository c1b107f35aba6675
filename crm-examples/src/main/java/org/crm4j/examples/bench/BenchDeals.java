package org.crm4j.examples.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The deals the pipeline benchmarks read: {@code deals} deals of the Shiffman scheme in PostgreSQL, written once
 * by {@code insert … select} over {@code generate_series} (deterministic: the same rows on every machine) into
 * tables of their own ({@code bench_deal_*}) and kept for later runs. Deal {@code n} is created at a moment spread
 * over 2025 by a multiplicative hash, for one of 200 managers, from one of 6 lead sources, a quarter of them in a
 * campaign, worth 1,000 to 11,000 RUB. Its stage follows the hash too: 30% prospects, 20% interested, 10%, 7% and
 * 5% in the three contacts, 10% contract signed, 5% purchase made, 5% later, 8% lost. Its history runs through the
 * open stages up to its own (a closed deal through {@code n mod 5} of them, then its result), a day apart; its
 * last activity is 0 to 29 days after its last stage change.
 */
final class BenchDeals {
    static final String PREFIX = "bench_deal_";
    static final String PIPELINE = "shiffman";

    /** The stage index of deal {@code n}, 0 to 8 in the Shiffman order, from its hash. */
    private static final String STAGE_INDEX = "case when h < 30 then 0 when h < 50 then 1 when h < 60 then 2 "
            + "when h < 67 then 3 when h < 72 then 4 when h < 82 then 5 when h < 87 then 6 when h < 92 then 7 "
            + "else 8 end";
    private static final String STAGES = "(array['prospects', 'interested', 'contact-1', 'contact-2', 'contact-3', "
            + "'contract-signed', 'purchase-made', 'later', 'lost'])";
    private static final String KINDS = "(array['OPEN', 'OPEN', 'OPEN', 'OPEN', 'OPEN', 'WON', 'WON', 'POSTPONED', "
            + "'LOST'])";
    private static final String PROBABILITIES = "(array[0.05, 0.2, 0.3, 0.4, 0.5, 1, 1, 0.1, 0])";
    /** Per deal: n, its stage index k, the open stages a closed deal went through j, and its history's length. */
    private static final String SOURCE = "(select n, k, j, case when k < 5 then k + 1 else j + 2 end as len, "
            + "timestamp with time zone '2025-01-01 06:00:00+00' + ((n * 2654435761) % 31536000) * interval '1 second'"
            + " as created from (select n, " + STAGE_INDEX + " as k, n % 5 as j from (select n, (n * 40503) % 100 as h "
            + "from generate_series(0::bigint, {last}::bigint) n) a) b) s";

    private BenchDeals() {
    }

    /** Whether the tables hold {@code deals} deals of the data set. */
    static boolean loaded(HikariDataSource ds, int deals) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*), count(distinct manager_id), count(lost_reason) from "
                     + PREFIX + "deal")) {
            rs.next();
            return rs.getLong(1) == deals && rs.getLong(2) == 200 && rs.getLong(3) > 0;
        }
    }

    /** Writes the deals and their histories, then gathers the statistics (in auto-commit). */
    static void load(HikariDataSource ds, int deals) throws SQLException {
        String source = SOURCE.replace("{last}", Integer.toString(deals - 1));
        String id = "('01900000-0000-7d00-8000-' || lpad(to_hex(n), 12, '0'))::uuid";
        String lastChange = "(created + (len - 1) * interval '1 day')";
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("truncate " + PREFIX + "deal, " + PREFIX + "deal_stage");
            s.execute("insert into " + PREFIX + "deal (id, version, client_id, pipeline, stage, kind, amount, currency, "
                    + "probability, probability_source, manager_id, lead_source, campaign, expected_close, "
                    + "lost_reason, created_at, last_activity_at, closed_at) select " + id + ", 1, "
                    + "('01900000-0000-7000-8000-' || lpad(to_hex(n % 50000), 12, '0'))::uuid, '" + PIPELINE + "', "
                    + STAGES + "[k + 1], " + KINDS + "[k + 1], 1000 + ((n * 7919) % 1000000) / 100.0, 'RUB', "
                    + PROBABILITIES + "[k + 1], 'STAGE', 'emp-' || lpad((n % 200)::text, 3, '0'), "
                    + "(array['article', 'exhibition', 'referral', 'advertising', 'catalogue', 'website'])"
                    + "[1 + (n / 7) % 6], case when n % 4 = 0 then 'spring-fair' end, "
                    + "case when k < 5 then date '2026-01-01' + (n % 365)::int end, "
                    + "case when k = 8 then (array['price', 'competitor', 'no-budget', 'no-need'])[1 + n % 4] end, "
                    + "created, " + lastChange + " + (n % 30) * interval '1 day', "
                    + "case when k >= 5 then " + lastChange + " end from " + source);
            s.execute("insert into " + PREFIX + "deal_stage (deal_id, seq, from_stage, to_stage, kind, changed_at, "
                    + "actor_id) select " + id + ", g, "
                    + "case when g = 0 then null else " + STAGES + "[g] end, "
                    + "case when k >= 5 and g = len - 1 then " + STAGES + "[k + 1] else " + STAGES + "[g + 1] end, "
                    + "case when k >= 5 and g = len - 1 then " + KINDS + "[k + 1] else 'OPEN' end, "
                    + "created + g * interval '1 day', 'emp-' || lpad((n % 200)::text, 3, '0') "
                    + "from " + source + " cross join lateral generate_series(0, len - 1) g");
            s.execute("vacuum analyze " + PREFIX + "deal");
            s.execute("vacuum analyze " + PREFIX + "deal_stage");
        }
    }
}
