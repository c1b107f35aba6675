package org.crm4j.schedule;

import java.time.Instant;
import java.util.List;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientId;
import org.jspecify.annotations.Nullable;

/**
 * The questions time-triggered scheduling rules ask of storage: which clients have gone quiet, and which clients
 * have a manager to give work to. Both walk all clients in pages ordered by id, as the store orders ids, and go
 * on from the last id of the previous page ({@code after}); a client added during the walk may or may not be met.
 * crm4j answers them in memory from the client and interaction stores, and crm-jpa in SQL; a vendor's storage
 * proves itself with {@code ScheduleQueryContract} from crm-api's test-jar. Implementations are thread-safe.
 */
public interface ScheduleQuery {
    /**
     * The clients with a responsible manager whose last contact (the start of their latest interaction, or their
     * registration when they have none) is before {@code contactedBefore}, after {@code after} in id order, at most
     * {@code limit}.
     */
    List<IdleClient> idleClients(Instant contactedBefore, @Nullable ClientId after, int limit);

    /** The cards of the clients with a responsible manager, after {@code after} in id order, at most {@code limit}. */
    List<ClientCard> managedClients(@Nullable ClientId after, int limit);
}
