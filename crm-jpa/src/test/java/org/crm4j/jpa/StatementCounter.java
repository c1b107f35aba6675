package org.crm4j.jpa;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Counts the statements sent to a database, by kind, through a datasource-proxy wrapper: one per execution, a
 * batch counting once (one round trip), as the database sees it.
 */
final class StatementCounter implements QueryExecutionListener {
    private final List<String> executed = new ArrayList<>();

    DataSource wrap(DataSource target) {
        return ProxyDataSourceBuilder.create("counted", target).listener(this).build();
    }

    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queries) {
        // counted after execution
    }

    @Override
    public synchronized void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queries) {
        if (execInfo.isBatch()) {
            executed.add(kind(queries.get(0).getQuery()));
        } else {
            queries.forEach(q -> executed.add(kind(q.getQuery())));
        }
    }

    private static String kind(String sql) {
        // A statement may open with a parenthesised query, as a union of limited selects does.
        String s = sql.strip().replaceFirst("^\\(+", "").toLowerCase(Locale.ROOT);
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }

    synchronized void reset() {
        executed.clear();
    }

    synchronized long count(String kind) {
        return executed.stream().filter(kind::equals).count();
    }

    synchronized long total() {
        return executed.size();
    }

    /** The statements {@code work} sends, by kind: the counter is reset, the work run, the count read. */
    Map<String, Long> counted(Runnable work) {
        reset();
        work.run();
        return byKind();
    }

    /** Statements by kind, e.g. {@code {select=3}}, for assertion messages and comparisons. */
    synchronized Map<String, Long> byKind() {
        Map<String, Long> counts = new TreeMap<>();
        executed.forEach(k -> counts.merge(k, 1L, Long::sum));
        return counts;
    }
}
