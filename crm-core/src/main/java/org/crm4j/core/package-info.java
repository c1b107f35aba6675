/**
 * The entry point: {@link org.crm4j.core.Crm}, built once by {@link org.crm4j.core.Crm#builder()} and shared by
 * the whole application, and {@link org.crm4j.core.InMemoryStorage}, the embedded default storage.
 */
@NullMarked
package org.crm4j.core;

import org.jspecify.annotations.NullMarked;
