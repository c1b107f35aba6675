package org.crm4j.core.assignment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crm4j.client.ClientCard;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A step of an {@link AssignmentPolicy} that narrows the candidates by a property of the client: the client's
 * code (its region, its industry) names the managers who serve it. Steps apply in the policy's order, each to
 * the candidates the earlier ones left:
 * <ul>
 *   <li>a client without the property, or with a code the step names no managers for, passes the step
 *       unchanged;</li>
 *   <li>otherwise the candidates become those of the step's managers still among them;</li>
 *   <li>when none of them is left (all are away, or an earlier step kept others), the step is passed over, unless
 *       it is {@code required}: then the client gets none of the others, and the decision is refused with a
 *       {@link org.crm4j.assignment.NoManagerException} naming the step.</li>
 * </ul>
 * Immutable; the maps and lists are copied, in their iteration order.
 */
public sealed interface AssignmentStep {
    /** The step's name in decisions and errors: {@code region}, {@code industry}. */
    String name();

    /** The managers serving each code. */
    Map<String, List<EmployeeId>> managers();

    /** Whether a client the step matches may only go to the step's managers. */
    boolean required();

    /** The client's code this step looks at, or {@code null} when the client has none. */
    @Nullable String key(ClientCard card);

    /**
     * By the client's region: its {@link org.crm4j.client.Segments#region() region code}, the code of the
     * region classifier (not the free text of an address, which people spell in many ways).
     */
    record ByRegion(Map<String, List<EmployeeId>> managers, boolean required) implements AssignmentStep {
        public ByRegion {
            managers = copy("region", managers);
        }

        /** A step that is passed over when its managers cannot take the client. */
        public static ByRegion of(Map<String, List<EmployeeId>> managers) {
            return new ByRegion(managers, false);
        }

        @Override
        public String name() {
            return "region";
        }

        @Override
        public @Nullable String key(ClientCard card) {
            return card.segments().region();
        }
    }

    /** By the client's {@link org.crm4j.client.Segments#industry() industry code}. */
    record ByIndustry(Map<String, List<EmployeeId>> managers, boolean required) implements AssignmentStep {
        public ByIndustry {
            managers = copy("industry", managers);
        }

        /** A step that is passed over when its managers cannot take the client. */
        public static ByIndustry of(Map<String, List<EmployeeId>> managers) {
            return new ByIndustry(managers, false);
        }

        @Override
        public String name() {
            return "industry";
        }

        @Override
        public @Nullable String key(ClientCard card) {
            return card.segments().industry();
        }
    }

    private static Map<String, List<EmployeeId>> copy(String step, Map<String, List<EmployeeId>> managers) {
        Objects.requireNonNull(managers, "managers");
        Map<String, List<EmployeeId>> out = new LinkedHashMap<>();
        managers.forEach((code, list) -> {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(list, "managers of " + code);
            if (list.isEmpty()) {
                throw new ValidationException(step + "." + code, "assignment.step-empty", code,
                        "the " + step + " step names no managers for '" + code + "'");
            }
            if (list.stream().distinct().count() != list.size()) {
                throw new ValidationException(step + "." + code, "assignment.duplicate-manager", list,
                        "the " + step + " step names a manager twice for '" + code + "'");
            }
            out.put(code.strip(), List.copyOf(list));
        });
        return java.util.Collections.unmodifiableMap(out);
    }
}
