package org.crm4j.examples.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Counts what the data sources it wraps send to the database, from any number of threads: the statements by kind
 * ({@code select}, {@code update}, …; one per execution, a batch counting once, as the database sees the round
 * trips) and, apart, the commits and rollbacks. Wrapping goes through datasource-proxy; the counts are kept in
 * adders, so counting costs the threads next to nothing and does not serialise them.
 */
final class StatementTally {
    private final Map<String, LongAdder> statements = new ConcurrentHashMap<>();
    private final LongAdder commits = new LongAdder();
    private final LongAdder rollbacks = new LongAdder();

    /** {@code target} counted by this tally. */
    DataSource wrap(DataSource target) {
        return ProxyDataSourceBuilder.create(target).listener(new QueryExecutionListener() {
            @Override
            public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queries) {
                // counted after execution
            }

            @Override
            public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queries) {
                if (execInfo.isBatch()) {
                    count(queries.get(0).getQuery());
                } else {
                    queries.forEach(q -> count(q.getQuery()));
                }
            }
        }).methodListener(new MethodExecutionListener() {
            @Override
            public void beforeMethod(MethodExecutionContext context) {
                // counted after execution
            }

            @Override
            public void afterMethod(MethodExecutionContext context) {
                String method = context.getMethod().getName();
                if (method.equals("commit")) {
                    commits.increment();
                } else if (method.equals("rollback")) {
                    rollbacks.increment();
                }
            }
        }).build();
    }

    private void count(String sql) {
        // A statement may open with a parenthesised query, as a union of limited selects does.
        String s = sql.strip().replaceFirst("^\\(+", "").toLowerCase(Locale.ROOT);
        int space = s.indexOf(' ');
        statements.computeIfAbsent(space < 0 ? s : s.substring(0, space), k -> new LongAdder()).increment();
    }

    /** Forgets everything counted so far. */
    void reset() {
        statements.values().forEach(LongAdder::reset);
        commits.reset();
        rollbacks.reset();
    }

    /** The statements counted, of every kind. */
    long total() {
        return statements.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** The statements counted by kind, e.g. {@code {select=200, update=10100}}; kinds not seen since are left out. */
    Map<String, Long> byKind() {
        Map<String, Long> counts = new TreeMap<>();
        statements.forEach((kind, n) -> {
            long sum = n.sum();
            if (sum > 0) {
                counts.put(kind, sum);
            }
        });
        return counts;
    }

    /** The commits counted ({@code Connection.commit}). */
    long commits() {
        return commits.sum();
    }

    /** The rollbacks counted ({@code Connection.rollback}). */
    long rollbacks() {
        return rollbacks.sum();
    }
}
