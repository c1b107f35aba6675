package org.crm4j.client;

/** What kind of party a client is (M-1.1). */
public enum ClientKind {
    /** A legal entity (юридическое лицо): 10-digit INN, KPP, OGRN. */
    ORGANISATION,
    /** A sole proprietor (индивидуальный предприниматель): 12-digit INN, OGRNIP, a person's name. */
    SOLE_PROPRIETOR,
    /** A private person (физическое лицо): a person's name, optionally a 12-digit INN. */
    PERSON
}
