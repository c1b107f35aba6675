/**
 * Dossiers (M-2): what the company knows of a firm (a client, a competitor, a market player), of a notable person
 * (a competitor's top manager, a supplier, an intermediary) or of a product (its own goods, their analogues and
 * substitutes). The aggregate root is {@link org.crm4j.dossier.Dossier}: a subject, tags, the client cards it
 * concerns and its links to other dossiers. Its timeline is made of {@link org.crm4j.dossier.DossierFact}s, dated
 * and sourced, which are only ever added; a fact may come from a recorded interaction (a call that told of a
 * competitor's price change). {@link org.crm4j.dossier.DossierStore} is the storage port.
 */
@NullMarked
package org.crm4j.dossier;

import org.jspecify.annotations.NullMarked;
