/**
 * The client card's behaviour: {@link org.crm4j.core.client.Clients} (the use cases, returned by
 * {@code crm.clients()}), {@link org.crm4j.core.client.ClientRules} (pure rules: form and card in, new card and
 * events out) and {@link org.crm4j.core.client.InMemoryClientStore}, the embedded default storage.
 */
@NullMarked
package org.crm4j.core.client;

import org.jspecify.annotations.NullMarked;
