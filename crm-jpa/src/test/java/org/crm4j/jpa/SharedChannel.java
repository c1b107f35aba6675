package org.crm4j.jpa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crm4j.notification.Notification;
import org.crm4j.notification.Notifier;

/**
 * A delivery channel shared by several processes: an append-only file with one line per delivery attempt
 * ({@code key<TAB>node}), written with one {@code write} each, so that a line written by a process killed right
 * after is kept (the operating system holds it, whatever happens to the process). Like a real channel given
 * idempotency keys, it accepts each key once and drops a repeated attempt; {@link #read} tells both apart.
 */
final class SharedChannel {
    private final Path file;

    SharedChannel(Path file) {
        this.file = file;
    }

    /** A notifier delivering through this channel as {@code node}. */
    Notifier notifier(String node) {
        return n -> append(n, node);
    }

    /** Appends the attempt to deliver {@code notification} from {@code node}. */
    synchronized void append(Notification notification, String node) {
        byte[] line = (notification.key() + "\t" + node + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel out = FileChannel.open(file,
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the channel " + file + " refused a delivery", e);
        }
    }

    /** Every attempt so far, in the order they reached the channel. */
    Deliveries read() {
        try {
            List<String[]> attempts = new ArrayList<>();
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isEmpty()) {
                        attempts.add(line.split("\t", 2));
                    }
                }
            }
            return new Deliveries(attempts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What reached the channel: every attempt, and the keys it accepted (each once, from its first attempt). */
    record Deliveries(List<String[]> attempts) {
        /** The number of attempts, repeated ones included. */
        int raw() {
            return attempts.size();
        }

        /** How many attempts each key made; the channel accepted the first of each. */
        Map<String, Integer> attemptsByKey() {
            Map<String, Integer> byKey = new LinkedHashMap<>();
            for (String[] attempt : attempts) {
                byKey.merge(attempt[0], 1, Integer::sum);
            }
            return byKey;
        }

        /** The attempts the channel dropped because it had accepted their key already. */
        int repeats() {
            return raw() - attemptsByKey().size();
        }

        /** How many attempts {@code node} made. */
        long from(String node) {
            return attempts.stream().filter(a -> a[1].equals(node)).count();
        }
    }
}
