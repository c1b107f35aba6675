/**
 * Telephony (M-6.3, M-7.2): the events of incoming calls as the PBX reports them ({@link
 * org.crm4j.telephony.CallEvent}), the state of one call assembled from them (the aggregate root {@link
 * org.crm4j.telephony.Call}, kept by a {@link org.crm4j.telephony.CallStore}), who called ({@link
 * org.crm4j.telephony.Identification}) and the service level of a line ({@link
 * org.crm4j.telephony.ServiceLevel}) with its convention for abandoned calls ({@link
 * org.crm4j.telephony.AbandonedCalls}).
 */
@NullMarked
package org.crm4j.telephony;

import org.jspecify.annotations.NullMarked;
