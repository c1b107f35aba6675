/**
 * Consent to be contacted (M-6.2): {@link org.crm4j.core.consent.Consents} records grants and withdrawals and
 * answers what a client's current consent is; the in-memory store.
 */
@NullMarked
package org.crm4j.core.consent;

import org.jspecify.annotations.NullMarked;
