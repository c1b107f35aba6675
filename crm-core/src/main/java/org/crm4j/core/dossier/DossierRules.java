package org.crm4j.core.dossier;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.crm4j.client.ClientId;
import org.crm4j.common.ValidationException;
import org.crm4j.core.common.Decision;
import org.crm4j.dossier.Dossier;
import org.crm4j.dossier.DossierEvent;
import org.crm4j.dossier.DossierId;
import org.crm4j.dossier.DossierKind;
import org.crm4j.dossier.DossierLink;
import org.crm4j.dossier.DossierLinkType;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a dossier, as pure functions: a dossier, a command's input and the time go in; the new dossier and
 * the events come out. A command that would change nothing (a link already there, the same subject) decides no
 * event, and its use case saves nothing. A rule that refuses throws a {@link ValidationException} naming the
 * field and the rule. Stateless.
 */
public final class DossierRules {
    private DossierRules() {
    }

    /** Opens a new dossier with a subject, a summary and tags. */
    public static Decision<Dossier, DossierEvent> open(DossierId id, DossierKind kind, String subject,
                                                       @Nullable String summary, Collection<String> tags,
                                                       Instant at) {
        Dossier dossier = Dossier.open(id, kind, subject, summary, tags, at);
        return Decision.of(dossier, new DossierEvent.DossierOpened(id, kind, at));
    }

    /** Gives the dossier another subject. */
    public static Decision<Dossier, DossierEvent> rename(Dossier dossier, String subject, Instant at) {
        return changed(dossier, dossier.withSubject(subject, at), at);
    }

    /** Gives the dossier another summary ({@code null}: none). */
    public static Decision<Dossier, DossierEvent> describe(Dossier dossier, @Nullable String summary, Instant at) {
        return changed(dossier, dossier.withSummary(summary, at), at);
    }

    /** Replaces the dossier's tags. */
    public static Decision<Dossier, DossierEvent> retag(Dossier dossier, Collection<String> tags, Instant at) {
        return changed(dossier, dossier.withTags(tags, at), at);
    }

    private static Decision<Dossier, DossierEvent> changed(Dossier before, Dossier after, Instant at) {
        if (Objects.equals(before.subject(), after.subject()) && Objects.equals(before.summary(), after.summary())
                && before.tags().equals(after.tags())) {
            return Decision.of(before);
        }
        return Decision.of(after, new DossierEvent.DossierChanged(before.id(), at));
    }

    /**
     * Links {@code source} to {@code target} with {@code type}.
     *
     * @throws ValidationException {@code dossier.link-self} when the target is the source itself,
     *                             {@code dossier.link-kind} when the type does not link the two kinds
     */
    public static Decision<Dossier, DossierEvent> link(Dossier source, DossierLinkType type, Dossier target,
                                                       Instant at) {
        Objects.requireNonNull(type, "type");
        DossierLink link = DossierLink.of(type, target.id());
        if (source.id().equals(target.id())) {
            throw new ValidationException("target", "dossier.link-self", target.id(),
                    "a dossier does not link to itself (" + link + ")");
        }
        if (!type.allows(source.kind(), target.kind())) {
            throw new ValidationException("type", "dossier.link-kind", type, type + " links a " + type.from()
                    + " dossier to a " + type.to() + " dossier, not a " + source.kind() + " dossier to a "
                    + target.kind() + " dossier (" + target.subject() + ")");
        }
        if (source.links().contains(link)) {
            return Decision.of(source);
        }
        Set<DossierLink> links = new LinkedHashSet<>(source.links());
        links.add(link);
        return Decision.of(source.withLinks(links, at), new DossierEvent.DossierLinked(source.id(), link, at));
    }

    /** Removes a link; removing one that is not there changes nothing. */
    public static Decision<Dossier, DossierEvent> unlink(Dossier source, DossierLink link, Instant at) {
        if (!source.links().contains(link)) {
            return Decision.of(source);
        }
        Set<DossierLink> links = new LinkedHashSet<>(source.links());
        links.remove(link);
        return Decision.of(source.withLinks(links, at), new DossierEvent.DossierUnlinked(source.id(), link, at));
    }

    /** Makes the dossier concern a client card (which the use case has found stored). */
    public static Decision<Dossier, DossierEvent> attach(Dossier dossier, ClientId client, Instant at) {
        if (dossier.clients().contains(client)) {
            return Decision.of(dossier);
        }
        Set<ClientId> clients = new LinkedHashSet<>(dossier.clients());
        clients.add(client);
        return Decision.of(dossier.withClients(clients, at), new DossierEvent.ClientAttached(dossier.id(), client, at));
    }

    /** Makes the dossier no longer concern a client card; detaching one it does not concern changes nothing. */
    public static Decision<Dossier, DossierEvent> detach(Dossier dossier, ClientId client, Instant at) {
        if (!dossier.clients().contains(client)) {
            return Decision.of(dossier);
        }
        Set<ClientId> clients = new LinkedHashSet<>(dossier.clients());
        clients.remove(client);
        return Decision.of(dossier.withClients(clients, at), new DossierEvent.ClientDetached(dossier.id(), client, at));
    }
}
