/**
 * Incoming calls and the service level of lines (M-6.3, M-7.2): the use case {@link
 * org.crm4j.core.telephony.Telephony} ({@code crm.telephony()}) taking the PBX's call events, identifying the
 * caller ({@link org.crm4j.core.telephony.CallerRanking}), sending the {@link
 * org.crm4j.core.telephony.ScreenPop}, recording each call once as an interaction and asking for call-backs of
 * missed calls; its {@link org.crm4j.core.telephony.TelephonySettings}; and the in-memory store.
 */
@NullMarked
package org.crm4j.core.telephony;

import org.jspecify.annotations.NullMarked;
