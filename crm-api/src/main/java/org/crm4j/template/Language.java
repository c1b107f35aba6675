package org.crm4j.template;

import java.util.Locale;

/** The languages a message template is written in. */
public enum Language {
    /** Russian. */
    RU,
    /** English. */
    EN;

    /** The ISO 639-1 code: {@code ru} or {@code en}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The language of {@code locale}: English for {@code en}, Russian otherwise. */
    public static Language of(Locale locale) {
        return "en".equals(locale.getLanguage()) ? EN : RU;
    }
}
