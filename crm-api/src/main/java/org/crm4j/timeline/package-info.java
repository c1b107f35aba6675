/**
 * The client's timeline (M-1.5): one chronological, paged view per client merging its interactions, notable
 * events and work-history facts, newest first, with a cursor that stays valid while new entries arrive.
 */
@NullMarked
package org.crm4j.timeline;

import org.jspecify.annotations.NullMarked;
