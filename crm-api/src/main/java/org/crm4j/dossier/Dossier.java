package org.crm4j.dossier;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.crm4j.client.ClientId;
import org.crm4j.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * A dossier (M-2): the subject it is about, what is known of it in short, its tags, the client cards it concerns
 * (the firm dossier of a client, the person dossier of a client's director) and its links to other dossiers. Its
 * timeline of facts is kept apart ({@link DossierFact}), so recording a fact never conflicts with an edit of the
 * dossier. Immutable and thread-safe.
 *
 * <p>Rules enforced here: the subject has 1 to 200 characters (blanks around it dropped), the summary at most
 * 4000; tags follow {@link DossierTags} (at most {@value #MAX_TAGS}); at most {@value #MAX_CLIENTS} clients and
 * {@value #MAX_LINKS} links; a link's type must start from this dossier's kind ({@link DossierLinkType#from()})
 * and no link points to the dossier itself. That a link's target exists and has the kind the type points to is
 * checked where the target can be read: by the use case and the store.
 *
 * @param id        the identity
 * @param kind      firm, person or product
 * @param subject   what the dossier is about: a firm's or a person's name, a product's name
 * @param summary   what is known in short, or {@code null}
 * @param tags      normalised tags ({@link DossierTags}), sorted
 * @param clients   the client cards the dossier concerns
 * @param links     the links to other dossiers
 * @param createdAt when it was opened
 * @param updatedAt when it last changed
 * @param version   0 for a dossier not yet stored, then increased by each save
 */
public record Dossier(DossierId id, DossierKind kind, String subject, @Nullable String summary, Set<String> tags,
                      Set<ClientId> clients, Set<DossierLink> links, Instant createdAt, Instant updatedAt,
                      long version) {
    /** The most tags a dossier has. */
    public static final int MAX_TAGS = 50;
    /** The most client cards a dossier concerns. */
    public static final int MAX_CLIENTS = 200;
    /** The most links a dossier has. */
    public static final int MAX_LINKS = 500;

    private static final Comparator<DossierLink> LINK_ORDER = Comparator.comparing(DossierLink::type)
            .thenComparing(l -> l.target().toString());

    public Dossier {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Violations v = new Violations();
        String stripped = subject == null ? "" : subject.strip();
        if (stripped.isEmpty() || stripped.length() > 200) {
            v.add("subject", "dossier.subject", subject, "the subject must have 1 to 200 characters");
        }
        subject = stripped;
        summary = summary == null || summary.isBlank() ? null : summary.strip();
        if (summary != null && summary.length() > 4000) {
            v.add("summary", "dossier.summary", summary.length(), "a summary has at most 4000 characters");
        }
        tags = DossierTags.check(v, "tags", tags, MAX_TAGS);
        clients = clients(v, clients);
        links = links(v, id, kind, links);
        if (version < 0) {
            v.add("version", "version.negative", version, "version must not be negative, was " + version);
        }
        v.throwIfAny();
    }

    private static Set<ClientId> clients(Violations v, @Nullable Collection<ClientId> clients) {
        if (clients == null) {
            return Set.of();
        }
        Set<ClientId> sorted = new TreeSet<>(Comparator.comparing(ClientId::toString));
        for (ClientId client : clients) {
            sorted.add(Objects.requireNonNull(client, "clients contains null"));
        }
        if (sorted.size() > MAX_CLIENTS) {
            v.add("clients", "dossier.clients-count", sorted.size(),
                    "a dossier concerns at most " + MAX_CLIENTS + " clients, were " + sorted.size());
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(sorted));
    }

    private static Set<DossierLink> links(Violations v, DossierId id, DossierKind kind,
                                          @Nullable Collection<DossierLink> links) {
        if (links == null) {
            return Set.of();
        }
        Set<DossierLink> sorted = new TreeSet<>(LINK_ORDER);
        for (DossierLink link : links) {
            Objects.requireNonNull(link, "links contains null");
            if (link.target().equals(id)) {
                v.add("links", "dossier.link-self", link, "a dossier does not link to itself (" + link + ")");
            } else if (link.type().from() != kind) {
                v.add("links", "dossier.link-kind", link, link.type() + " links a " + link.type().from()
                        + " dossier to a " + link.type().to() + " dossier; this one is a " + kind + " dossier");
            } else {
                sorted.add(link);
            }
        }
        if (sorted.size() > MAX_LINKS) {
            v.add("links", "dossier.links-count", sorted.size(),
                    "a dossier has at most " + MAX_LINKS + " links, were " + sorted.size());
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(sorted));
    }

    /** A new dossier (version 0) with no tags, clients or links, opened at {@code at}. */
    public static Dossier open(DossierId id, DossierKind kind, String subject, @Nullable String summary,
                               Collection<String> tags, Instant at) {
        return new Dossier(id, kind, subject, summary, new LinkedHashSet<>(tags), Set.of(), Set.of(), at, at, 0);
    }

    /** The search key of the subject ({@link DossierSubjects#searchKey}). */
    public String subjectKey() {
        return DossierSubjects.searchKey(subject);
    }

    /** The word starts of the subject's key, which a search matches ({@link DossierSubjects#wordStarts}). */
    public List<String> subjectWordStarts() {
        return DossierSubjects.wordStarts(subjectKey());
    }

    /** The targets linked to with {@code type}. */
    public Set<DossierId> targets(DossierLinkType type) {
        Set<DossierId> targets = new LinkedHashSet<>();
        links.stream().filter(l -> l.type() == type).forEach(l -> targets.add(l.target()));
        return Collections.unmodifiableSet(targets);
    }

    /** The same dossier with another subject, changed at {@code at}. */
    public Dossier withSubject(String subject, Instant at) {
        return new Dossier(id, kind, subject, summary, tags, clients, links, createdAt, at, version);
    }

    /** The same dossier with another summary ({@code null}: none), changed at {@code at}. */
    public Dossier withSummary(@Nullable String summary, Instant at) {
        return new Dossier(id, kind, subject, summary, tags, clients, links, createdAt, at, version);
    }

    /** The same dossier with other tags, changed at {@code at}. */
    public Dossier withTags(Collection<String> tags, Instant at) {
        return new Dossier(id, kind, subject, summary, new LinkedHashSet<>(tags), clients, links, createdAt, at, version);
    }

    /** The same dossier concerning other clients, changed at {@code at}. */
    public Dossier withClients(Collection<ClientId> clients, Instant at) {
        return new Dossier(id, kind, subject, summary, tags, Set.copyOf(clients), links, createdAt, at, version);
    }

    /** The same dossier with other links, changed at {@code at}. */
    public Dossier withLinks(Collection<DossierLink> links, Instant at) {
        return new Dossier(id, kind, subject, summary, tags, clients, Set.copyOf(links), createdAt, at, version);
    }

    /** The same dossier at another version, as a store returns it. */
    public Dossier withVersion(long version) {
        return new Dossier(id, kind, subject, summary, tags, clients, links, createdAt, updatedAt, version);
    }
}
