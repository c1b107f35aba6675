/**
 * Tools every aggregate's behaviour uses: {@link org.crm4j.core.common.PhoneNumbers} (reading phones as people
 * type them), {@link org.crm4j.core.common.Ids} (time-ordered UUIDs), {@link org.crm4j.core.common.Decision}
 * (what a rule returns) and {@link org.crm4j.core.common.SettableClock} for tests.
 */
@NullMarked
package org.crm4j.core.common;

import org.jspecify.annotations.NullMarked;
