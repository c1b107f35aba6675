/**
 * The sales pipeline (M-4): a {@link org.crm4j.deal.Pipeline} of stages (the Shiffman scheme by default) and the
 * {@link org.crm4j.deal.Deal}s moving through it with their stage history, kept by a
 * {@link org.crm4j.deal.PipelineStore} and a {@link org.crm4j.deal.DealStore}, which also answers the board, idle
 * deals, funnel, results and forecast reports.
 */
@NullMarked
package org.crm4j.deal;

import org.jspecify.annotations.NullMarked;
