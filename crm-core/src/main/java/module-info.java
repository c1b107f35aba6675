/**
 * crm4j's behaviour: the {@link org.crm4j.core.Crm} entry point, use-case facades, pure rules and the in-memory
 * storage that is the embedded default.
 */
module org.crm4j.core {
    requires transitive org.crm4j.api;
    requires com.google.i18n.phonenumbers.libphonenumber;
    requires org.slf4j;
    requires lib.recur;
    requires com.fasterxml.jackson.databind;
    requires static transitive org.jspecify;

    exports org.crm4j.core;
    exports org.crm4j.core.common;
    exports org.crm4j.core.client;
    exports org.crm4j.core.classifier;
    exports org.crm4j.core.keydate;
    exports org.crm4j.core.interaction;
    exports org.crm4j.core.timeline;
    exports org.crm4j.core.dossier;
    exports org.crm4j.core.history;
    exports org.crm4j.core.calendar;
    exports org.crm4j.core.task;
    exports org.crm4j.core.schedule;
    exports org.crm4j.core.json;
    exports org.crm4j.core.outbox;
    exports org.crm4j.core.deal;
    exports org.crm4j.core.consent;
    exports org.crm4j.core.template;
    exports org.crm4j.core.telephony;
    exports org.crm4j.core.assignment;
}
