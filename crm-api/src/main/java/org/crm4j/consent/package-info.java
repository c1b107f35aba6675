/**
 * Consent to be contacted (M-6.2): a {@link org.crm4j.consent.Consent} is one grant or withdrawal by a client, or
 * one of its contact persons, for one contact mechanism and address and one purpose (marketing or service),
 * with its time and source. Consents are a history that is only added to; the current state per mechanism,
 * address and purpose is the latest record. The {@link org.crm4j.consent.ConsentStore} port keeps them.
 */
@NullMarked
package org.crm4j.consent;

import org.jspecify.annotations.NullMarked;
