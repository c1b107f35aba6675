package org.crm4j.template;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crm4j.classifier.ClassifierEntry;
import org.crm4j.common.Violations;
import org.crm4j.consent.ConsentPurpose;
import org.jspecify.annotations.Nullable;

/**
 * A message template (M-6.2): what a letter or text message says, in Russian and English, with placeholders
 * filled for each recipient. Its purpose decides which consent a sending needs. Immutable and thread-safe.
 *
 * <p>The record checks its shape; which placeholders may appear is checked by crm-core when the template is
 * saved (its catalogue is documented on {@code org.crm4j.core.template.TemplateEngine}).
 *
 * @param code    the identity, a code such as {@code spring-offer} (lower-case letters, digits, {@code -}, {@code _})
 * @param purpose marketing (needs consent) or service
 * @param texts   the text per language, at least one
 * @param version the stored version; 0 for a template not saved yet
 */
public record MessageTemplate(String code, ConsentPurpose purpose, Map<Language, TemplateText> texts, long version) {
    public MessageTemplate {
        Objects.requireNonNull(purpose, "purpose");
        Violations v = new Violations();
        code = code == null ? "" : code.strip();
        if (!ClassifierEntry.isCode(code)) {
            v.add("code", "classifier.code", code, "a template's code must be a code, was '" + code + "'");
        }
        EnumMap<Language, TemplateText> copy = new EnumMap<>(Language.class);
        if (texts != null) {
            texts.forEach((language, text) -> copy.put(Objects.requireNonNull(language, "language"),
                    Objects.requireNonNull(text, "text")));
        }
        if (copy.isEmpty()) {
            v.add("texts", "template.texts", null, "a template has a text in at least one language");
        }
        texts = Map.copyOf(copy);
        if (version < 0) {
            v.add("version", "template.version", version, "a version is never negative, was " + version);
        }
        v.throwIfAny();
    }

    /** A new template (version 0) with a Russian text and, when {@code en} is not {@code null}, an English one. */
    public static MessageTemplate of(String code, ConsentPurpose purpose, TemplateText ru, @Nullable TemplateText en) {
        EnumMap<Language, TemplateText> texts = new EnumMap<>(Language.class);
        texts.put(Language.RU, Objects.requireNonNull(ru, "ru"));
        if (en != null) {
            texts.put(Language.EN, en);
        }
        return new MessageTemplate(code, purpose, texts, 0);
    }

    /** The text in {@code language}, if the template has one. */
    public Optional<TemplateText> text(Language language) {
        return Optional.ofNullable(texts.get(language));
    }

    /**
     * The text a recipient of {@code language} reads: in that language when the template has it, otherwise in
     * Russian, otherwise in English.
     */
    public TemplateText textFor(Language language) {
        TemplateText wanted = texts.get(language);
        if (wanted != null) {
            return wanted;
        }
        TemplateText ru = texts.get(Language.RU);
        return ru != null ? ru : texts.get(Language.EN);
    }

    /** This template as stored with another version. */
    public MessageTemplate withVersion(long version) {
        return new MessageTemplate(code, purpose, texts, version);
    }
}
