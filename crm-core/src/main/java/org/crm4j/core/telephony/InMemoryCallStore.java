package org.crm4j.core.telephony;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crm4j.storage.OptimisticLock;
import org.crm4j.telephony.Call;
import org.crm4j.telephony.CallNotFoundException;
import org.crm4j.telephony.CallOutcome;
import org.crm4j.telephony.CallStore;
import org.crm4j.telephony.ServiceLevelCounts;

/**
 * Calls in memory, indexed by the PBX call id; the service level scans the calls, which is what an in-memory store
 * of one application's calls can afford. Every method holds one lock, so each is atomic. Thread-safe.
 */
public final class InMemoryCallStore implements CallStore {
    private final Map<String, Call> byId = new HashMap<>();

    @Override
    public synchronized Call save(Call call) {
        Objects.requireNonNull(call, "call");
        Call before = byId.get(call.id());
        OptimisticLock.check("call", "id", call.id(), call.version(), before == null ? null : before.version(),
                () -> new CallNotFoundException(call.id()));
        Call stored = call.withVersion(call.version() + 1);
        byId.put(call.id(), stored);
        return stored;
    }

    @Override
    public synchronized Optional<Call> findById(String callId) {
        return Optional.ofNullable(byId.get(Objects.requireNonNull(callId, "callId")));
    }

    @Override
    public synchronized ServiceLevelCounts countServiceLevel(String line, Instant from, Instant to,
                                                             Duration threshold, Duration shortAbandon) {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(shortAbandon, "shortAbandon");
        long answered = 0;
        long answeredWithin = 0;
        long abandoned = 0;
        long abandonedWithin = 0;
        long abandonedShort = 0;
        long answeredWait = 0;
        long abandonedWait = 0;
        for (Call call : byId.values()) {
            if (!call.line().equals(line) || call.offeredAt().isBefore(from) || !call.offeredAt().isBefore(to)) {
                continue;
            }
            Optional<Duration> waiting = call.waiting();
            if (waiting.isEmpty()) {
                continue;
            }
            Duration wait = waiting.get();
            if (call.answeredAt() != null) {
                answered++;
                answeredWait += wait.toMillis();
                answeredWithin += wait.compareTo(threshold) <= 0 ? 1 : 0;
            } else if (call.outcome() == CallOutcome.ABANDONED) {
                abandoned++;
                abandonedWait += wait.toMillis();
                abandonedWithin += wait.compareTo(threshold) <= 0 ? 1 : 0;
                abandonedShort += wait.compareTo(shortAbandon) <= 0 ? 1 : 0;
            }
        }
        return new ServiceLevelCounts(answered, answeredWithin, abandoned, abandonedWithin, abandonedShort,
                answeredWait, abandonedWait);
    }
}
