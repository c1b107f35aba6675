package org.crm4j.jpa;

import jakarta.persistence.PersistenceException;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crm4j.common.DuplicateException;
import org.crm4j.consent.ConsentPurpose;
import org.crm4j.template.Language;
import org.crm4j.template.MessageTemplate;
import org.crm4j.template.TemplateNotFoundException;
import org.crm4j.template.TemplateStore;
import org.crm4j.template.TemplateText;

/** {@link TemplateStore} over JPA: one row per template; a lookup by code is one select by primary key. */
final class JpaTemplateStore implements TemplateStore {
    private final JpaSession session;

    JpaTemplateStore(JpaSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public MessageTemplate save(MessageTemplate template) {
        Objects.requireNonNull(template, "template");
        MessageTemplate stored = template.withVersion(template.version() + 1);
        TemplateEntity row = toRow(stored);
        return session.inTransaction(em -> {
            try {
                if (template.version() == 0) {
                    em.persist(row);
                    em.flush();
                    session.release(em, List.of(row));
                    return stored;
                }
                int updated = em.createQuery("update CrmMessageTemplate t set t.version = :version, "
                                + "t.purpose = :purpose, t.subjectRu = :subjectRu, t.bodyRu = :bodyRu, "
                                + "t.subjectEn = :subjectEn, t.bodyEn = :bodyEn "
                                + "where t.code = :code and t.version = :expected")
                        .setParameter("version", row.version).setParameter("purpose", row.purpose)
                        .setParameter("subjectRu", row.subjectRu).setParameter("bodyRu", row.bodyRu)
                        .setParameter("subjectEn", row.subjectEn).setParameter("bodyEn", row.bodyEn)
                        .setParameter("code", row.code).setParameter("expected", template.version())
                        .executeUpdate();
                if (updated == 1) {
                    return stored;
                }
            } catch (PersistenceException e) {
                throw JpaExceptions.translate(e, violated -> new DuplicateException("template", "code",
                        template.code()));
            }
            List<Long> actual = em.createQuery("select t.version from CrmMessageTemplate t where t.code = :code",
                    Long.class).setParameter("code", template.code()).getResultList();
            throw MissedUpdate.refuse("template", "code", template.code(), template.version(),
                    actual.isEmpty() ? null : actual.get(0), () -> new TemplateNotFoundException(template.code()));
        });
    }

    @Override
    public Optional<MessageTemplate> findByCode(String code) {
        Objects.requireNonNull(code, "code");
        return session.select(em -> em.createQuery("select t from CrmMessageTemplate t where t.code = :code",
                TemplateEntity.class).setParameter("code", code), JpaTemplateStore::toTemplate).stream().findFirst();
    }

    @Override
    public List<MessageTemplate> findAll() {
        return session.select(em -> em.createQuery("select t from CrmMessageTemplate t", TemplateEntity.class),
                        JpaTemplateStore::toTemplate).stream()
                .sorted((a, b) -> a.code().compareTo(b.code())).toList();
    }

    private static TemplateEntity toRow(MessageTemplate template) {
        TemplateEntity row = new TemplateEntity(template.code());
        row.version = template.version();
        row.purpose = template.purpose().name();
        template.text(Language.RU).ifPresent(t -> {
            row.subjectRu = t.subject();
            row.bodyRu = t.body();
        });
        template.text(Language.EN).ifPresent(t -> {
            row.subjectEn = t.subject();
            row.bodyEn = t.body();
        });
        return row;
    }

    private static MessageTemplate toTemplate(TemplateEntity row) {
        EnumMap<Language, TemplateText> texts = new EnumMap<>(Language.class);
        if (row.subjectRu != null) {
            texts.put(Language.RU, new TemplateText(row.subjectRu, row.bodyRu));
        }
        if (row.subjectEn != null) {
            texts.put(Language.EN, new TemplateText(row.subjectEn, row.bodyEn));
        }
        return new MessageTemplate(row.code, ConsentPurpose.valueOf(row.purpose), texts, row.version);
    }
}
