/**
 * The work history of clients (M-1.4): the facts the ERP feeds in — sale lines, payments and claims, each keyed
 * by the ERP's document and line so that feeding is idempotent — and the reports over them: figures per month,
 * quarter and year, RFM inputs and ABC/XYZ classes. The aggregate root is {@link org.crm4j.history.WorkFact};
 * the storage port is {@link org.crm4j.history.WorkHistoryStore}.
 */
@NullMarked
package org.crm4j.history;

import org.jspecify.annotations.NullMarked;
