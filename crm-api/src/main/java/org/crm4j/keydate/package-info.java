/**
 * Notable events and key dates of clients (M-1.3): changes and important dates on the card, one-off or yearly,
 * and the store that finds those coming up in a window.
 */
@NullMarked
package org.crm4j.keydate;

import org.jspecify.annotations.NullMarked;
