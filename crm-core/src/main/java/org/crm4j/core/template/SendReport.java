package org.crm4j.core.template;

import java.util.List;
import java.util.Objects;
import org.crm4j.interaction.InteractionId;
import org.jspecify.annotations.Nullable;

/**
 * What a mailing did, per sending: sent, sent before (under the same key), refused (with a code a program can
 * match and a message a person can read) or failed in the channel. Immutable.
 *
 * <table>
 *   <caption>Refusal codes</caption>
 *   <tr><th>code</th><th>why</th></tr>
 *   <tr><td>{@code consent.missing}</td><td>a marketing message to an address with no consent recorded</td></tr>
 *   <tr><td>{@code consent.withdrawn}</td><td>the latest consent for the address and purpose is a withdrawal</td></tr>
 *   <tr><td>{@code client.not-found}</td><td>no card is stored for the client</td></tr>
 *   <tr><td>{@code contact.not-found}</td><td>the card has no such contact person</td></tr>
 *   <tr><td>{@code address.missing}</td><td>the contact (or card) has no address of the mechanism</td></tr>
 *   <tr><td>{@code address.invalid}</td><td>the address given is not one of the mechanism</td></tr>
 *   <tr><td>{@code deal.not-found}</td><td>the deal is not stored, or is another client's</td></tr>
 *   <tr><td>{@code template.invalid}</td><td>the stored template does not render (it was written to the store
 *   without {@code Mailing.saveTemplate}, which checks it)</td></tr>
 *   <tr><td>{@code message.invalid}</td><td>the rendered message is not a valid notification (too long,
 *   empty)</td></tr>
 * </table>
 *
 * @param outcomes one per sending, in the order given
 */
public record SendReport(List<Outcome> outcomes) {
    public SendReport {
        outcomes = List.copyOf(outcomes);
    }

    /** How one sending ended. */
    public enum Status {
        /**
         * Recorded in the client's history and handed to the notifier: in a CRM built by {@code Crm}, written to the
         * outbox and delivered after the commit, again later while the channel refuses it.
         */
        SENT,
        /** Sent before under the same key; nothing was delivered this time. */
        ALREADY_SENT,
        /** Not sent, for the stated reason; nothing was delivered or recorded. */
        REFUSED,
        /**
         * The notifier did not take it (with the outbox: it could not be written); nothing was recorded, and sending
         * it again under its key may succeed.
         */
        FAILED
    }

    /**
     * How one sending ended.
     *
     * @param sending     what was asked
     * @param status      how it ended
     * @param code        why it was refused or failed ({@code consent.missing}, {@code delivery.failed}), else
     *                    {@code null}
     * @param message     a readable explanation, or {@code null} when sent
     * @param interaction the interaction recording the sending (this time or before), or {@code null}
     */
    public record Outcome(Sending sending, Status status, @Nullable String code, @Nullable String message,
                          @Nullable InteractionId interaction) {
        public Outcome {
            Objects.requireNonNull(sending, "sending");
            Objects.requireNonNull(status, "status");
        }
    }

    /** The sendings delivered now. */
    public List<Outcome> sent() {
        return with(Status.SENT);
    }

    /** The sendings refused, with their reasons. */
    public List<Outcome> refused() {
        return with(Status.REFUSED);
    }

    /** The sendings the notifier did not accept. */
    public List<Outcome> failed() {
        return with(Status.FAILED);
    }

    /** The sendings found sent before under their keys. */
    public List<Outcome> alreadySent() {
        return with(Status.ALREADY_SENT);
    }

    private List<Outcome> with(Status status) {
        return outcomes.stream().filter(o -> o.status() == status).toList();
    }
}
