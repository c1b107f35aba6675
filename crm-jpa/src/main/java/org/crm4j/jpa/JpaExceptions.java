package org.crm4j.jpa;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crm4j.common.CrmException;
import org.crm4j.common.StorageException;
import org.jspecify.annotations.Nullable;

/**
 * Turns what a JPA provider throws into crm4j's exceptions, so that no provider type reaches the caller. Only
 * standard types are inspected: {@link PersistenceException} and the {@link SQLException} in its causes.
 */
final class JpaExceptions {

    private JpaExceptions() {
    }

    /** A failure the caller cannot interpret further: a {@link StorageException}. */
    static CrmException translate(PersistenceException e) {
        return translate(e, violated -> null);
    }

    /**
     * Like {@link #translate(PersistenceException)}, but an integrity constraint violation is first offered to
     * {@code onConstraint} with every message of the cause chain in lower case (the database names the violated
     * constraint there); it returns the exception to throw, or {@code null} when the constraint is not one it
     * knows.
     */
    static CrmException translate(PersistenceException e, Function<String, @Nullable CrmException> onConstraint) {
        SQLException sql = sqlCause(e);
        if (sql != null && isIntegrityViolation(sql)) {
            CrmException known = onConstraint.apply(messages(e).toLowerCase(Locale.ROOT));
            if (known != null) {
                known.initCause(sql);
                return known;
            }
        }
        String state = sql == null ? "" : " (SQL state " + sql.getSQLState() + ")";
        if (sql != null && isConflict(sql)) {
            return new StorageException("the transaction conflicted with a concurrent one and was rolled back; "
                    + "it can be retried" + state, e);
        }
        return new StorageException("the storage failed: " + firstLine(e.getMessage()) + state, e);
    }

    private static final List<Pattern> DUPLICATE_VALUE = List.of(
            Pattern.compile("key \\([^)]*\\)=\\(([^)]*)\\)"),              // PostgreSQL
            Pattern.compile("duplicate entry '([^']*)'"),                    // MariaDB, MySQL
            Pattern.compile("values \\( /\\* \\d+ \\*/ (?:uuid )?'([^']*)'"));   // H2

    /**
     * The duplicate value the database names in its message (lower case, as the messages given here are), or
     * {@code "(not named by the database)"}.
     */
    static String duplicateValue(String messages) {
        for (Pattern p : DUPLICATE_VALUE) {
            Matcher m = p.matcher(messages);
            if (m.find()) {
                return m.group(1);
            }
        }
        return "(not named by the database)";
    }

    static boolean isIntegrityViolation(SQLException sql) {
        String state = sql.getSQLState();
        return sql instanceof SQLIntegrityConstraintViolationException || (state != null && state.startsWith("23"));
    }

    private static boolean isConflict(SQLException sql) {
        String state = sql.getSQLState();
        return "40001".equals(state) || "40P01".equals(state);
    }

    private static @Nullable SQLException sqlCause(Throwable e) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql) {
                SQLException next = sql.getNextException();
                return next != null && next.getSQLState() != null && sql.getSQLState() == null ? next : sql;
            }
        }
        return null;
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
            if (t instanceof SQLException sql) {
                for (SQLException next = sql.getNextException(); next != null && seen.add(next);
                        next = next.getNextException()) {
                    all.append(next.getMessage()).append('\n');
                }
            }
        }
        return all.toString();
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "no message";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
