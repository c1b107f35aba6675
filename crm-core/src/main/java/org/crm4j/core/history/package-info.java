/**
 * The work history of clients (M-1.4): feeding the ERP's sales, payments and claims idempotently
 * ({@link org.crm4j.core.history.WorkHistory}), figures by month, quarter and year, RFM scores
 * ({@link org.crm4j.core.history.RfmThresholds}) and ABC/XYZ classes ({@link org.crm4j.core.history.AbcXyzRule}),
 * and the in-memory store.
 */
@NullMarked
package org.crm4j.core.history;

import org.jspecify.annotations.NullMarked;
