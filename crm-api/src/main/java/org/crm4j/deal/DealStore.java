package org.crm4j.deal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crm4j.client.ClientId;

/**
 * Storage of deals and the reports over them: the port an embedding system implements to keep deals in its own
 * storage, or takes from crm4j (in memory in crm-core, JPA in crm-jpa). An implementation proves itself with
 * {@code DealStoreContract} from crm-api's test-jar.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #save} follows {@link org.crm4j.storage.OptimisticLock}: version 0 inserts (a taken id is a
 *       {@link org.crm4j.common.DuplicateException}), version n replaces exactly the stored version n and returns
 *       version n+1 (a stale version is a {@link org.crm4j.common.ConcurrentModificationException}, an update of
 *       nothing stored a {@link DealNotFoundException}); the stage history is kept whole and in order. A history
 *       only grows: an update's history begins with the stored one (as {@code DealRules} write it), so a store may
 *       append the new entries rather than rewrite the old. Nothing is written when it throws.</li>
 *   <li>Lists come in the order each method states, ties broken by id as the store orders ids.</li>
 *   <li>The reports ({@link #board}, {@link #findIdle}, {@link #funnel}, {@link #outcomes}, {@link #countByStageAt},
 *       {@link #forecast}) are
 *       answered by the store itself, one query each whatever the number of deals (crm-jpa pushes them down to
 *       SQL). Idleness needs the business calendar, which is Java: the caller passes, per stage, the moment before
 *       which a deal's last activity makes it idle; stages absent from that map have no idle deals.</li>
 *   <li>Returned records are the stored state; implementations are thread-safe.</li>
 * </ul>
 */
public interface DealStore {
    /** Inserts a new deal (version 0) or replaces the stored one; returns it as stored, its version plus one. */
    Deal save(Deal deal);

    /** The deal stored under {@code id}. */
    Optional<Deal> findById(DealId id);

    /** A client's deals, newest first (by creation, then id), at most {@code limit}. */
    List<Deal> findByClient(ClientId client, int limit);

    /** The deals in a stage of a pipeline, by creation then id, at most {@code limit}. */
    List<Deal> findInStage(String pipeline, String stage, int limit);

    /** How many deals are in a stage of a pipeline. */
    long countInStage(String pipeline, String stage);

    /**
     * The board of a pipeline: per stage and currency of the deals in it, their count, sum, weighted sum and how
     * many are idle (last activity before {@code idleBefore.get(stage)}). Stages without deals are absent; in no
     * particular order.
     */
    List<BoardCell> board(String pipeline, Map<String, Instant> idleBefore);

    /**
     * The idle deals of a pipeline: deals in a stage of {@code idleBefore} whose last activity is before that
     * stage's moment, longest idle first (by last activity, then id), at most {@code limit}.
     */
    List<Deal> findIdle(String pipeline, Map<String, Instant> idleBefore, int limit);

    /**
     * The funnel of a pipeline: for the deals created in {@code [from, to)}, per stage, lead source, manager and
     * campaign, how many ever entered the stage (by their history). In no particular order.
     */
    List<FunnelRow> funnel(String pipeline, Instant from, Instant to);

    /**
     * The results of a pipeline: for the deals created in {@code [from, to)} that are closed now, per result
     * kind, lead source, manager and campaign, how many and their total cycle time. In no particular order.
     */
    List<OutcomeRow> outcomes(String pipeline, Instant from, Instant to);

    /**
     * How many deals of a pipeline were in each stage at {@code at}, by their histories: each deal created by then
     * counts once, in the stage of its last history entry at or before {@code at}. Stages without deals are absent.
     */
    Map<String, Long> countByStageAt(String pipeline, Instant at);

    /**
     * The weighted forecast of a pipeline: its open deals with an expected close date, per month of that date and
     * currency. In no particular order.
     */
    List<ForecastRow> forecast(String pipeline);
}
