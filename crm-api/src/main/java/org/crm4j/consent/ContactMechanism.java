package org.crm4j.consent;

import java.util.Locale;

/**
 * How a person is contacted: by e-mail, by a phone call, by SMS, by a messenger. Each mechanism is delivered
 * through the {@link org.crm4j.notification.Notifier} channel of the same name ({@link #channel()}).
 */
public enum ContactMechanism {
    /** E-mail to an address. */
    EMAIL,
    /** A phone call to a number. */
    PHONE,
    /** A text message to a number. */
    SMS,
    /** A messenger reached by a phone number. */
    MESSENGER;

    /** The notifier channel code: {@code email}, {@code phone}, {@code sms} or {@code messenger}. */
    public String channel() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the address of this mechanism is a phone number (in E.164 form) rather than an e-mail address. */
    public boolean usesPhone() {
        return this != EMAIL;
    }
}
