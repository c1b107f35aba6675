/**
 * crm4j's transactional outbox: notifications and events for the embedding system's listener, written in the
 * transaction of the change that causes them and delivered after its commit, at least once, in order per
 * recipient. See {@link org.crm4j.core.outbox.Outbox}.
 */
@NullMarked
package org.crm4j.core.outbox;

import org.jspecify.annotations.NullMarked;
