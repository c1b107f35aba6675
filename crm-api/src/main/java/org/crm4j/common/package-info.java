/**
 * Values and errors shared by every aggregate: {@link org.crm4j.common.Money}, {@link org.crm4j.common.PhoneNumber},
 * {@link org.crm4j.common.Email}, {@link org.crm4j.common.PersonName}, {@link org.crm4j.common.Address}, typed ids,
 * and the {@link org.crm4j.common.CrmException} hierarchy. Every value here is immutable and thread-safe and is
 * valid once built: its constructor throws {@link org.crm4j.common.ValidationException} otherwise.
 */
@NullMarked
package org.crm4j.common;

import org.jspecify.annotations.NullMarked;
