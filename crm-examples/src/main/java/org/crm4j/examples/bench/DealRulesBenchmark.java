package org.crm4j.examples.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.crm4j.client.ClientId;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.core.common.Decision;
import org.crm4j.core.deal.DealRules;
import org.crm4j.core.deal.NewDeal;
import org.crm4j.core.deal.Pipelines;
import org.crm4j.deal.Deal;
import org.crm4j.deal.DealEvent;
import org.crm4j.deal.DealId;
import org.crm4j.deal.Pipeline;
import org.crm4j.deal.ProbabilitySource;
import org.crm4j.deal.Stage;
import org.crm4j.deal.StageChange;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Decisions of the deal rules per second in crm-core: {@link DealRules#move} of a deal of the Shiffman scheme
 * (1 to 4 history entries, open stages) to another stage, a result one time in five, at 1,024 prepared deals in
 * turn; the decision is the new deal (its history one entry longer, validated) and its event.
 * <ul>
 *   <li>{@code dealRules}: the rule;</li>
 *   <li>{@code plainJava}: the same transition written inline for this one case (find the stage, check that the
 *       deal is open and the stage another, append the entry), building the same new deal and no event.</li>
 * </ul>
 * Run: {@code java -cp crm-examples/target/benchmarks.jar org.crm4j.examples.bench.DealRulesBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class DealRulesBenchmark {
    private static final int DEALS = 1024;
    private static final Instant T0 = Instant.parse("2026-03-02T07:00:00Z");
    private static final EmployeeId ANNA = EmployeeId.of("anna");
    private static final String[] OPEN = {"prospects", "interested", "contact-1", "contact-2", "contact-3"};

    private final Pipeline pipeline = Pipelines.shiffman();
    private final Deal[] deals = new Deal[DEALS];
    private final String[] targets = new String[DEALS];
    private final Instant at = T0.plus(Duration.ofDays(30));
    private int next;

    @Setup
    public void prepare() {
        for (int i = 0; i < DEALS; i++) {
            Deal d = DealRules.create(DealId.of(new UUID(5, i)), NewDeal.of(ClientId.of(new UUID(6, i)),
                    Money.of("1000.00", "RUB"), ANNA), pipeline, T0).state();
            for (int k = 1; k <= i % 4; k++) {
                d = DealRules.move(d, pipeline, OPEN[k], null, ANNA, T0.plus(Duration.ofHours(k))).state();
            }
            deals[i] = d;
            targets[i] = i % 5 == 4 ? "contract-signed" : OPEN[(i % 4 + 1 + i % 3) % OPEN.length];
            if (targets[i].equals(d.stage())) {
                targets[i] = "contact-3".equals(d.stage()) ? "contact-2" : "contact-3";
            }
        }
    }

    @Benchmark
    public Decision<Deal, DealEvent> dealRules() {
        int i = next++ & (DEALS - 1);
        return DealRules.move(deals[i], pipeline, targets[i], null, ANNA, at);
    }

    @Benchmark
    public Deal plainJava() {
        int i = next++ & (DEALS - 1);
        Deal d = deals[i];
        Stage target = null;
        for (Stage s : pipeline.stages()) {
            if (s.code().equals(targets[i])) {
                target = s;
                break;
            }
        }
        if (target == null || d.isClosed() || d.stage().equals(target.code())) {
            throw new IllegalStateException("not a move");
        }
        return d.enter(new StageChange(d.stage(), target.code(), target.kind(), at, ANNA), target.probability(),
                ProbabilitySource.STAGE, target.kind().isClosed() ? at : null, null);
    }

    public static void main(String[] args) throws RunnerException {
        Ratios.runAndPrint(DealRulesBenchmark.class, "plainJava", args);
    }
}
