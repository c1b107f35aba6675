/**
 * JSON reading and writing, kept in this one package: scheduling rules as JSON files
 * ({@link org.crm4j.core.json.RulesJson}), read with Jackson's tree model, never by data binding or polymorphic
 * typing.
 */
@NullMarked
package org.crm4j.core.json;

import org.jspecify.annotations.NullMarked;
