package org.crm4j.examples.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs a benchmark class's methods in one JMH run and prints, beside JMH's own table, the ratio of each of
 * crm4j's paths to the hand-written baseline measured in the same run.
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
        Map<String, Double> scores = new HashMap<>();
        Map<String, String> units = new HashMap<>();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            scores.put(method, r.getPrimaryResult().getScore());
            units.put(method, r.getPrimaryResult().getScoreUnit());
        }
        Double base = scores.get(baseline);
        if (base == null) {
            throw new IllegalStateException("baseline " + baseline + " was not measured: " + scores.keySet());
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Ratios to %s (%.1f %s), same run:%n", baseline, base, units.get(baseline));
        scores.entrySet().stream().filter(e -> !e.getKey().equals(baseline)).sorted(Map.Entry.comparingByKey())
                .forEach(e -> System.out.printf(Locale.ROOT, "  %-28s %10.1f %s  ratio %.2fx%n", e.getKey(),
                        e.getValue(), units.get(e.getKey()), e.getValue() / base));
    }
}
