package org.crm4j.core.telephony;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ContactPerson;
import org.crm4j.client.PhoneMatch;
import org.crm4j.common.EmployeeId;
import org.crm4j.core.keydate.KeyDate;
import org.crm4j.deal.Deal;
import org.crm4j.interaction.Interaction;
import org.crm4j.notification.Notification;
import org.crm4j.notification.NotificationLink;
import org.crm4j.task.Task;
import org.crm4j.telephony.Identification;
import org.jspecify.annotations.Nullable;

/**
 * What the employee taking a call sees on the screen (M-6.3, the bank example of seed 002): who calls, on behalf
 * of which client, what was said lately, the open deals and tasks, the key dates coming up and the offers made.
 * It is delivered as a {@link Notification} on channel {@value #CHANNEL}. Immutable.
 *
 * @param callId         the PBX call id
 * @param line           the line the call came in on
 * @param recipient      who sees it: the client's manager or the agent who answered
 * @param identification who called
 * @param client         the most likely caller's card, or {@code null} when unknown
 * @param contact        the contact person whose number it is, or {@code null}
 * @param interactions   the client's last interactions, newest first
 * @param offers         the offers made to the client among its recent interactions (type {@code proposal})
 * @param openDeals      the client's deals in open stages
 * @param openTasks      the client's open tasks, by deadline
 * @param keyDates       the client's key dates coming up, by day
 */
public record ScreenPop(String callId, String line, EmployeeId recipient, Identification identification,
                        @Nullable ClientCard client, @Nullable ContactPerson contact, List<Interaction> interactions,
                        List<Interaction> offers, List<Deal> openDeals, List<Task> openTasks,
                        List<KeyDate> keyDates) {
    /** The channel screen pops go out on. */
    public static final String CHANNEL = "screen";

    public ScreenPop {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(identification, "identification");
        interactions = List.copyOf(interactions);
        offers = List.copyOf(offers);
        openDeals = List.copyOf(openDeals);
        openTasks = List.copyOf(openTasks);
        keyDates = List.copyOf(keyDates);
    }

    /** The notification delivering it, once per call and recipient (key {@code call:<id>:screen:<recipient>}). */
    public Notification notification() {
        String number = identification.number() != null ? identification.number().e164()
                : identification.rawNumber();
        String subject;
        StringBuilder body = new StringBuilder();
        List<NotificationLink> links = new ArrayList<>();
        if (client == null) {
            subject = "Call on " + line + " from an unknown number " + number;
            body.append("Nobody has this number. The caller can become a new lead.");
        } else {
            subject = "Call on " + line + " from " + client.name()
                    + (contact != null ? ", " + contact.name().fullName() : "");
            links.add(NotificationLink.of("client", client.id()));
            body.append("Client: ").append(client.name()).append(" (").append(number).append(")");
            if (contact != null) {
                body.append("\nContact: ").append(contact.name().fullName());
                if (contact.position() != null) {
                    body.append(", ").append(contact.position());
                }
            }
            client.responsibleManager().ifPresent(m -> body.append("\nManager: ").append(m.value()));
            if (identification.candidates().size() > 1) {
                body.append("\nThe number is also on: ");
                List<PhoneMatch> others = identification.candidates().subList(1, identification.candidates().size());
                body.append(String.join(", ", others.stream().map(m -> m.client().name()).toList()));
            }
            for (Interaction i : interactions) {
                body.append("\nLately: ").append(i.at()).append(' ').append(i.type()).append(": ")
                        .append(i.subject());
                if (i.result() != null) {
                    body.append(" - ").append(i.result());
                }
            }
            for (Interaction offer : offers) {
                body.append("\nOffer: ").append(offer.subject());
            }
            for (Deal deal : openDeals) {
                body.append("\nOpen deal: ").append(deal.stage()).append(", ").append(deal.amount());
                links.add(NotificationLink.of("deal", deal.id()));
            }
            for (Task task : openTasks) {
                body.append("\nTask due ").append(task.due()).append(": ").append(task.title());
                links.add(NotificationLink.of("task", task.id()));
            }
            for (KeyDate date : keyDates) {
                body.append("\nKey date ").append(date.on()).append(": ").append(date.event().title());
            }
        }
        links.add(0, NotificationLink.of("call", callId));
        String text = body.toString();
        if (text.length() > Notification.MAX_BODY) {
            text = text.substring(0, Notification.MAX_BODY);
        }
        if (subject.length() > 300) {
            subject = subject.substring(0, 300);
        }
        return new Notification("call:" + callId + ":screen:" + recipient.value(), CHANNEL, recipient.value(),
                subject, text, links.size() > Notification.MAX_LINKS ? links.subList(0, Notification.MAX_LINKS)
                : links);
    }

    /** A duration as a person reads it on a screen: {@code 1 min 28 s}, {@code 7 s}. */
    static String spoken(Duration d) {
        long seconds = d.toSeconds();
        return seconds >= 60 ? seconds / 60 + " min " + seconds % 60 + " s" : seconds + " s";
    }
}
