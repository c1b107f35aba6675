/**
 * {@link org.crm4j.storage.CrmStorage}: the set of stores and the transaction boundary an embedding system
 * plugs into crm4j.
 */
@NullMarked
package org.crm4j.storage;

import org.jspecify.annotations.NullMarked;
