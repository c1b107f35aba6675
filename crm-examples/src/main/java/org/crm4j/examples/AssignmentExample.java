package org.crm4j.examples;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.crm4j.assignment.Absence;
import org.crm4j.assignment.Absences;
import org.crm4j.classifier.ClassifierKind;
import org.crm4j.client.ClientForm;
import org.crm4j.client.ClientId;
import org.crm4j.client.ManagerAssignment;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.core.Crm;
import org.crm4j.core.assignment.AssignmentDecision;
import org.crm4j.core.assignment.AssignmentPolicy;
import org.crm4j.core.assignment.AssignmentReport;
import org.crm4j.core.assignment.AssignmentStep;
import org.crm4j.core.assignment.Exclusion;
import org.crm4j.core.assignment.ReassignOptions;
import org.crm4j.core.assignment.Reassignment;
import org.crm4j.core.assignment.TieBreak;
import org.crm4j.core.common.SettableClock;
import org.crm4j.core.deal.NewDeal;
import org.crm4j.core.task.NewTask;
import org.crm4j.task.Task;
import org.crm4j.task.TaskKind;

/**
 * Dividing clients among managers in one page: Moscow clients go to Anna or Boris, whoever has less open work,
 * Saint Petersburg clients to Vera; Vera is on leave this week, so a Saint Petersburg client goes to the least
 * loaded of the others, and the decision says why. Then Anna leaves: each of her clients is reassigned by the same
 * rules, her open tasks and deals go with them, and the new manager gets a handover task; the history of every
 * client keeps Anna.
 *
 * <p>Run: {@code ./mvnw -q -pl crm-examples -am verify -DskipTests -Prun-example
 * -Dexample=org.crm4j.examples.AssignmentExample}
 */
public final class AssignmentExample {
    private AssignmentExample() {
    }

    public static void main(String[] args) {
        ZoneId moscow = ZoneId.of("Europe/Moscow");
        SettableClock clock = SettableClock.at(Instant.parse("2026-04-06T07:00:00Z"), moscow);
        EmployeeId anna = EmployeeId.of("anna");
        EmployeeId boris = EmployeeId.of("boris");
        EmployeeId vera = EmployeeId.of("vera");

        // The rules, as data: the team, the managers of each region, then the least loaded among those left.
        AssignmentPolicy policy = AssignmentPolicy.of(List.of(anna, boris, vera), TieBreak.LEAST_LOADED,
                AssignmentStep.ByRegion.of(Map.of("msk", List.of(anna, boris), "spb", List.of(vera))));
        // Who is away comes from the staff records; here, Vera's leave this week.
        Absences leave = Absences.of(List.of(new Absence(vera, clock.instant(),
                clock.instant().plus(Duration.ofDays(5)))));
        Crm crm = Crm.builder().clock(clock).zone(moscow).assignment(policy).absences(leave).build();
        crm.classifiers().define(ClassifierKind.REGION, "msk", "Москва", "Moscow");
        crm.classifiers().define(ClassifierKind.REGION, "spb", "Санкт-Петербург", "Saint Petersburg");

        // Anna already has a client with an open deal and a call to make.
        ClientId roga = register(crm, "Рога и копыта", "msk");
        crm.clients().assignManager(roga, anna, EmployeeId.of("head"), "key account");
        crm.deals().create(NewDeal.of(roga, Money.of("250000", "RUB"), anna));
        crm.tasks().create(NewTask.at(TaskKind.CALL, "Согласовать договор", anna,
                clock.instant().plus(Duration.ofDays(2))).about(roga, null, null));

        // A new Moscow client: Boris has less open work than Anna.
        ClientId kopyta = register(crm, "Копыта и хвосты", "msk");
        explain(crm.assignment().assign(kopyta));

        // A new Petersburg client while Vera is away: the region step is passed over, the least loaded decides.
        ClientId neva = register(crm, "Невские берега", "spb");
        explain(crm.assignment().propose(neva));
        crm.assignment().assign(neva);

        // Anna leaves. Her clients go where the rules say, never back to her, each in its own transaction.
        clock.advance(Duration.ofDays(1));
        AssignmentReport report = crm.assignment().reassignAll(anna,
                ReassignOptions.defaults().by(EmployeeId.of("head"), "Anna leaves the company"));
        for (Reassignment r : report.done()) {
            System.out.printf("%s: %s -> %s, tasks moved %d, deals moved %d%n", crm.clients().get(r.client()).name(),
                    r.from(), r.to(), r.movedTasks().size(), r.movedDeals().size());
            Task handover = crm.tasks().get(r.handover());
            System.out.printf("  handover for %s due %s: %s%n", handover.responsible(), handover.dueDate(),
                    handover.notes());
        }
        System.out.println("refused: " + report.failed());
        System.out.println("history of " + crm.clients().get(roga).name() + ":");
        for (ManagerAssignment a : crm.clients().get(roga).assignments()) {
            System.out.printf("  %s from %s, by %s: %s%n", a.manager(), a.at(), a.assignedBy(), a.reason());
        }
    }

    private static ClientId register(Crm crm, String name, String region) {
        return crm.clients().register(ClientForm.organisation(name).region(region).build()).id();
    }

    private static void explain(AssignmentDecision d) {
        System.out.printf("%s decided %s among %s%n", d.decidedBy(), d.manager(), d.considered());
        for (Exclusion e : d.excluded()) {
            System.out.printf("  left out %s at step %s: %s%n", e.manager(), e.step(), e.why());
        }
        d.notes().forEach(n -> System.out.println("  " + n));
    }
}
