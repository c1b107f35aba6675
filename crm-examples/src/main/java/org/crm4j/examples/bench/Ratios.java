package org.crm4j.examples.bench;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs a benchmark class's methods in one JMH run and prints, beside JMH's own table, the ratio of each of
 * crm4j's paths to the hand-written baseline measured in the same run. A benchmark with parameters gets one list
 * of ratios per combination of them, each path compared with the baseline measured with the same parameters.
 */
final class Ratios {
    private Ratios() {
    }

    /**
     * @param benchmark the benchmark class
     * @param baseline  the method name of the hand-written alternative
     * @param args      JMH command-line options, which override the class's annotations
     */
    static void runAndPrint(Class<?> benchmark, String baseline, String[] args) throws RunnerException {
        ChainedOptionsBuilder options;
        try {
            options = new OptionsBuilder().parent(new CommandLineOptions(args));
        } catch (org.openjdk.jmh.runner.options.CommandLineOptionException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Collection<RunResult> results = new Runner(options.include(benchmark.getName() + "\\.").build()).run();
        // one group per combination of parameters: each path is compared with the baseline run with the same ones
        Map<String, Map<String, RunResult>> byParams = new TreeMap<>();
        for (RunResult r : results) {
            BenchmarkParams p = r.getParams();
            String method = p.getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            String params = p.getParamsKeys().stream().map(k -> k + "=" + p.getParam(k))
                    .collect(Collectors.joining(", "));
            byParams.computeIfAbsent(params, k -> new TreeMap<>()).put(method, r);
        }
        if (byParams.values().stream().noneMatch(m -> m.containsKey(baseline))) {
            throw new IllegalStateException("baseline " + baseline + " was not measured: "
                    + byParams.values().stream().flatMap(m -> m.keySet().stream()).distinct().toList());
        }
        byParams.forEach((params, scores) -> {
            RunResult base = scores.get(baseline);
            if (base == null) {
                return;
            }
            double baseScore = base.getPrimaryResult().getScore();
            System.out.println();
            System.out.printf(Locale.ROOT, "Ratios to %s (%.1f %s), same run%s:%n", baseline, baseScore,
                    base.getPrimaryResult().getScoreUnit(), params.isEmpty() ? "" : ", " + params);
            scores.forEach((method, r) -> {
                if (!method.equals(baseline)) {
                    System.out.printf(Locale.ROOT, "  %-28s %10.1f %s  ratio %.2fx%n", method,
                            r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreUnit(),
                            r.getPrimaryResult().getScore() / baseScore);
                }
            });
        });
    }
}
