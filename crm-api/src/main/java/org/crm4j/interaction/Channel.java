package org.crm4j.interaction;

/** How an interaction took place. */
public enum Channel {
    PHONE, EMAIL, MEETING, MESSENGER, POST, WEBSITE, OTHER
}
