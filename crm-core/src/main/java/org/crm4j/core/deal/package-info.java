/**
 * The sales pipeline's behaviour (M-4): the pure {@link org.crm4j.core.deal.DealRules}, the
 * {@link org.crm4j.core.deal.Pipelines} with the Shiffman scheme as the default pipeline, the
 * {@link org.crm4j.core.deal.Deals} use cases with the board, idle deals, funnel and forecast, and the in-memory
 * stores.
 */
@NullMarked
package org.crm4j.core.deal;

import org.jspecify.annotations.NullMarked;
