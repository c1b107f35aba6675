package org.crm4j.deal;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crm4j.classifier.ClassifierEntry;
import org.crm4j.common.Violations;

/**
 * A sales pipeline (M-4): an ordered list of stages a deal goes through, such as the Shiffman scheme (prospects,
 * interested, three contacts, the results). A tenant has one or more, each under its own code. Every pipeline has
 * at least one open stage, one won stage and one lost stage, and its stage codes are unique. Immutable and
 * thread-safe.
 *
 * @param code    the pipeline's code, a classifier-style code unique in the tenant
 * @param name    what people see, 1 to 200 characters
 * @param stages  the stages in board order
 * @param version the stored version; 0 for a pipeline not saved yet
 */
public record Pipeline(String code, String name, List<Stage> stages, long version) {
    /** The most stages a pipeline may have. */
    public static final int MAX_STAGES = 50;

    public Pipeline {
        Violations v = new Violations();
        code = code == null ? "" : code.strip();
        if (!ClassifierEntry.isCode(code) || code.length() > 64) {
            v.add("code", "classifier.code", code, "the pipeline code must be a code of at most 64 characters, was '"
                    + code + "'");
        }
        name = name == null ? "" : name.strip();
        if (name.isEmpty() || name.length() > 200) {
            v.add("name", "pipeline.name", name, "the pipeline name must have 1 to 200 characters");
        }
        stages = List.copyOf(Objects.requireNonNull(stages, "stages"));
        if (stages.size() > MAX_STAGES) {
            v.add("stages", "pipeline.stages", stages.size(),
                    "a pipeline has at most " + MAX_STAGES + " stages, had " + stages.size());
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < stages.size(); i++) {
            Stage s = stages.get(i);
            if (!codes.add(s.code())) {
                v.add("stages[" + i + "].code", "pipeline.stage-duplicate", s.code(),
                        "stage code '" + s.code() + "' is used twice");
            }
        }
        for (StageKind kind : List.of(StageKind.OPEN, StageKind.WON, StageKind.LOST)) {
            if (stages.stream().noneMatch(s -> s.kind() == kind)) {
                v.add("stages", "pipeline.stage-missing", kind,
                        "a pipeline needs at least one " + kind + " stage");
            }
        }
        if (version < 0) {
            v.add("version", "pipeline.version", version, "a version is never negative, was " + version);
        }
        v.throwIfAny();
    }

    /** A new pipeline (version 0). */
    public static Pipeline of(String code, String name, List<Stage> stages) {
        return new Pipeline(code, name, stages, 0);
    }

    /** The stage under {@code code}, if the pipeline has it. */
    public Optional<Stage> stage(String code) {
        Objects.requireNonNull(code, "code");
        for (Stage s : stages) {
            if (s.code().equals(code)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The position of the stage {@code code} in board order, or -1 when the pipeline has no such stage. */
    public int indexOf(String code) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    /** The first stage of {@code kind} in board order, if any. */
    public Optional<Stage> first(StageKind kind) {
        return stages.stream().filter(s -> s.kind() == kind).findFirst();
    }

    /** This pipeline with other stages. */
    public Pipeline withStages(List<Stage> stages) {
        return new Pipeline(code, name, stages, version);
    }

    /** This pipeline as stored with another version. */
    public Pipeline withVersion(long version) {
        return new Pipeline(code, name, stages, version);
    }
}
