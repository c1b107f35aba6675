package org.crm4j.jpa;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.crm4j.core.Crm;
import org.crm4j.core.schedule.SchedulerSettings;
import org.crm4j.notification.Notifier;

/**
 * An application node in a process of its own, for {@link KilledNodeTest}: a {@link Crm} on {@link JpaStorage}
 * over the database given, whose threads call {@code crm.scheduler().fireDue(now)} with a slow notifier until
 * nothing is due. Each delivery reaches the {@link SharedChannel} at once and is acknowledged only after a pause,
 * so a process killed in that pause leaves a reminder delivered and not recorded as fired.
 *
 * <p>Arguments, as {@code name=value}: {@code url}, {@code user}, {@code prefix}, {@code node}, {@code channel}
 * (the channel's file), {@code now} (the moment passed to {@code fireDue}), {@code lease} (seconds),
 * {@code batch}, {@code threads}, {@code pause} (milliseconds), {@code skipLocked} (how it claims, see
 * {@link JpaStorage.Builder#skipLockedClaims}), {@code holdClaim} (whether to stop for a minute inside the
 * first claim's transaction, having printed {@link #HOLDING}). The password is the environment variable
 * {@code CRM_NODE_DB_PASSWORD}.
 */
final class SlowNode {
    /** What the node prints when it stops inside a claim's transaction ({@code holdClaim=true}). */
    static final String HOLDING = "holding an uncommitted claim";
    private static final Pattern CLAIM = Pattern.compile("^update \\S*reminder .*set claimed_by",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private SlowNode() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> arg = new HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            arg.put(a.substring(0, eq), a.substring(eq + 1));
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(arg.get("url"));
        config.setUsername(arg.get("user"));
        String password = System.getenv("CRM_NODE_DB_PASSWORD");
        config.setPassword(password == null ? "" : password);
        config.setMaximumPoolSize(4);
        config.setPoolName("slow-node");
        String node = arg.get("node");
        Instant now = Instant.parse(arg.get("now"));
        long pause = Long.parseLong(arg.get("pause"));
        SharedChannel channel = new SharedChannel(Path.of(arg.get("channel")));
        Notifier slow = n -> {
            channel.append(n, node);
            System.out.println(Thread.currentThread().getName() + " sent " + n.key());
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try (HikariDataSource pool = new HikariDataSource(config);
             JpaStorage storage = JpaStorage.builder()
                     .dataSource(Boolean.parseBoolean(arg.get("holdClaim")) ? holdingClaims(pool) : pool)
                     .tablePrefix(arg.get("prefix"))
                     .property("hibernate.hbm2ddl.auto", "validate")
                     .skipLockedClaims(Boolean.parseBoolean(arg.get("skipLocked"))).build()) {
            Crm crm = Crm.builder().storage(storage).defaultClassifiers(false).notifier(slow)
                    .scheduler(SchedulerSettings.defaults().withNode(node)
                            .withLease(Duration.ofSeconds(Long.parseLong(arg.get("lease"))))
                            .withBatchSize(Integer.parseInt(arg.get("batch")))
                            .withEvaluateEvery(Duration.ofDays(1)))
                    .build();
            System.out.println("started " + node);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < Integer.parseInt(arg.get("threads")); t++) {
                if (t > 0) {
                    // Threads starting at the same instant read the same first candidates, and all but one find
                    // them taken and return at once; a timer's threads are not in step, and this node's are not.
                    Thread.sleep(500);
                }
                Thread thread = new Thread(() -> crm.scheduler().fireDue(now), node + "-" + t);
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            System.out.println("nothing left to fire");
        }
    }

    /** {@code target} stopping for a minute after the first statement that claims reminders, before the commit. */
    private static DataSource holdingClaims(DataSource target) {
        return ProxyDataSourceBuilder.create("holding", target).listener(new QueryExecutionListener() {
            @Override
            public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
                // held after the claim's update has run and locked its rows
            }

            @Override
            public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
                if (queries.stream().anyMatch(q -> CLAIM.matcher(q.getQuery().strip()).find())) {
                    System.out.println(HOLDING);
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }).build();
    }
}
