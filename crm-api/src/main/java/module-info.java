/**
 * crm4j's published language: immutable value types and state records, commands, events, errors and the
 * ports an embedding system implements (storage, notification, transactions). Depends on the JDK only.
 */
module org.crm4j.api {
    requires static transitive org.jspecify;

    exports org.crm4j.common;
    exports org.crm4j.requisites;
    exports org.crm4j.client;
    exports org.crm4j.classifier;
    exports org.crm4j.keydate;
    exports org.crm4j.interaction;
    exports org.crm4j.dossier;
    exports org.crm4j.history;
    exports org.crm4j.storage;
    exports org.crm4j.timeline;
    exports org.crm4j.calendar;
    exports org.crm4j.task;
    exports org.crm4j.notification;
    exports org.crm4j.schedule;
    exports org.crm4j.deal;
    exports org.crm4j.consent;
    exports org.crm4j.template;
    exports org.crm4j.telephony;
    exports org.crm4j.assignment;
}
