/**
 * The client card aggregate (M-1): {@link org.crm4j.client.ClientCard} is the root, holding the formal section
 * (names, requisites, addresses, bank accounts, phones, e-mails), its {@link org.crm4j.client.ContactPerson}s,
 * the responsible manager with the history of assignments, segments, lead source and tags. Storage is the
 * {@link org.crm4j.client.ClientStore} port; the input of the use cases is {@link org.crm4j.client.ClientForm}
 * and {@link org.crm4j.client.ContactForm}; what happens is told by {@link org.crm4j.client.ClientEvent}s.
 * Every type here is immutable and thread-safe, except the builders.
 */
@NullMarked
package org.crm4j.client;

import org.jspecify.annotations.NullMarked;
