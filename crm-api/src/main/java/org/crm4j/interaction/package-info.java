/**
 * The history of interactions with clients (M-3): calls, letters, meetings, proposals, complaints, each with its
 * type from the tenant's dictionary, the manager, the contact person, the result and the planned next contact.
 */
@NullMarked
package org.crm4j.interaction;

import org.jspecify.annotations.NullMarked;
