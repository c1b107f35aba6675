/**
 * Dossiers' behaviour (M-2): {@link org.crm4j.core.dossier.Dossiers} (the use cases, returned by
 * {@code crm.dossiers()}), {@link org.crm4j.core.dossier.DossierRules} (pure rules: dossier and command in, new
 * dossier and events out; the link rules among them) and {@link org.crm4j.core.dossier.InMemoryDossierStore}, the
 * embedded default storage.
 */
@NullMarked
package org.crm4j.core.dossier;

import org.jspecify.annotations.NullMarked;
