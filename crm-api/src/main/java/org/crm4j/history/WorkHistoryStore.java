package org.crm4j.history;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.crm4j.client.ClientId;
import org.crm4j.common.DuplicateException;
import org.crm4j.common.ValidationException;

/**
 * Storage of the work history: facts fed by the ERP, only ever added, and the reports over them. An
 * implementation proves itself with {@code WorkHistoryStoreContract} from crm-api's test-jar.
 *
 * <ul>
 *   <li>{@link #feed} is all or nothing. A fact whose key (kind, document, line) is stored already with the same
 *       content is skipped and counted as unchanged; so is a repeat within the feed. A fact whose key is stored
 *       (or repeated within the feed) with other content refuses the whole feed with a {@link ValidationException}
 *       naming each such document and line (code {@code work-fact.changed}), and nothing is written. When another
 *       transaction stores one of the keys between this feed's read and its write, the feed is refused with a
 *       {@link DuplicateException} (key {@code key}) and nothing is written: feeding it again then finds the key
 *       stored. A key is never stored twice. A taken id is a {@link DuplicateException} with key {@code id}.
 *       A JPA store costs one select of the keys present and one multi-row insert per few hundred facts.</li>
 *   <li>{@link #findByClient} gives the newest first: by moment, then by id, both descending.</li>
 *   <li>Reports are one query each in a database, whatever the number of facts. Period {@code k} of a list of
 *       boundaries runs from {@code boundaries[k]} included to {@code boundaries[k + 1]} excluded. Amounts are
 *       summed in the currency asked for; facts in another currency are left out.</li>
 * </ul>
 */
public interface WorkHistoryStore {
    /** Stores the facts not stored yet, all or nothing (see above). */
    FeedResult feed(List<? extends WorkFact> facts);

    /**
     * A client's facts, newest first, at most {@code limit}; facts of one moment by kind name, then id,
     * descending, as the client's timeline orders them.
     */
    List<WorkFact> findByClient(ClientId client, int limit);

    /**
     * A client's figures per period: sales, sale documents and lines, payments and their days late in
     * {@code currency}, claims whatever their currency. Only periods with a fact are returned, in no particular
     * order.
     */
    List<PeriodTotals> totals(ClientId client, Currency currency, List<Instant> boundaries);

    /**
     * For every client with a sale line in {@code currency} from {@code from} (included) to {@code to} (excluded):
     * its last purchase, distinct sale documents and sales amount. In no particular order.
     */
    List<RfmInput> rfmInputs(Currency currency, Instant from, Instant to);

    /**
     * The ABC and XYZ classes ({@link AbcXyzThresholds}) of every client whose sales in {@code currency} over the
     * months given by {@code monthBoundaries} (at least two boundaries) are above 0. In no particular order.
     */
    List<AbcXyz> abcXyz(Currency currency, List<Instant> monthBoundaries, AbcXyzThresholds thresholds);
}
