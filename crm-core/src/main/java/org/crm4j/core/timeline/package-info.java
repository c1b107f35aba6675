/**
 * The client's timeline: {@link org.crm4j.core.timeline.Timeline}, as {@code crm.timeline()}, and the
 * in-memory {@link org.crm4j.timeline.TimelineQuery}.
 */
@NullMarked
package org.crm4j.core.timeline;

import org.jspecify.annotations.NullMarked;
