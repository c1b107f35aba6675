package org.crm4j.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crm4j.common.DuplicateException;
import org.crm4j.deal.Pipeline;
import org.crm4j.deal.PipelineNotFoundException;
import org.crm4j.deal.PipelineStore;
import org.crm4j.deal.Stage;
import org.crm4j.deal.StageKind;

/**
 * {@link PipelineStore} over JPA: a pipeline row and one row per stage. A save inserts them, or runs the guarded
 * update of the pipeline row, deletes its stages and inserts the new ones; a lookup is one select of both joined.
 */
final class JpaPipelineStore implements PipelineStore {
    private static final String COLUMNS = "select p.code, p.name, p.version, s.code, s.name, s.probability, s.kind, "
            + "s.idleDays from CrmPipeline p join CrmPipelineStage s on s.pipelineCode = p.code ";

    private final JpaSession session;

    JpaPipelineStore(JpaSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public Pipeline save(Pipeline pipeline) {
        Objects.requireNonNull(pipeline, "pipeline");
        Pipeline stored = pipeline.withVersion(pipeline.version() + 1);
        return session.inTransaction(em -> {
            try {
                List<Object> rows = new ArrayList<>();
                if (pipeline.version() == 0) {
                    PipelineEntity row = new PipelineEntity(stored.code(), stored.name(), stored.version());
                    em.persist(row);
                    rows.add(row);
                } else {
                    guardedUpdate(em, stored, pipeline.version());
                    em.createQuery("delete from CrmPipelineStage s where s.pipelineCode = :code")
                            .setParameter("code", stored.code()).executeUpdate();
                }
                for (int i = 0; i < stored.stages().size(); i++) {
                    Stage s = stored.stages().get(i);
                    PipelineStageEntity row = new PipelineStageEntity(stored.code(), i);
                    row.code = s.code();
                    row.name = s.name();
                    row.probability = s.probability();
                    row.kind = s.kind().name();
                    row.idleDays = s.idleDays();
                    em.persist(row);
                    rows.add(row);
                }
                em.flush();
                session.release(em, rows);
            } catch (PersistenceException e) {
                throw JpaExceptions.translate(e, violated -> new DuplicateException("pipeline", "code",
                        pipeline.code()));
            }
            return stored;
        });
    }

    private static void guardedUpdate(EntityManager em, Pipeline stored, long expected) {
        int updated = em.createQuery("update CrmPipeline p set p.name = :name, p.version = :version "
                        + "where p.code = :code and p.version = :expected")
                .setParameter("name", stored.name()).setParameter("version", stored.version())
                .setParameter("code", stored.code()).setParameter("expected", expected).executeUpdate();
        if (updated == 1) {
            return;
        }
        List<Long> actual = em.createQuery("select p.version from CrmPipeline p where p.code = :code", Long.class)
                .setParameter("code", stored.code()).getResultList();
        throw MissedUpdate.refuse("pipeline", "code", stored.code(), expected, actual.isEmpty() ? null : actual.get(0),
                () -> new PipelineNotFoundException(stored.code()));
    }

    @Override
    public Optional<Pipeline> findByCode(String code) {
        Objects.requireNonNull(code, "code");
        return pipelines(COLUMNS + "where p.code = :code order by s.stageOrder", code).stream().findFirst();
    }

    @Override
    public List<Pipeline> findAll() {
        return pipelines(COLUMNS + "order by p.code, s.stageOrder", null);
    }

    private List<Pipeline> pipelines(String query, String code) {
        return session.read(em -> {
            var q = em.createQuery(query, Object[].class);
            if (code != null) {
                q.setParameter("code", code);
            }
            Map<String, List<Object[]>> byCode = new LinkedHashMap<>();
            for (Object[] row : q.getResultList()) {
                byCode.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add(row);
            }
            List<Pipeline> out = new ArrayList<>(byCode.size());
            for (List<Object[]> rows : byCode.values()) {
                Object[] first = rows.get(0);
                List<Stage> stages = rows.stream().map(r -> new Stage((String) r[3], (String) r[4],
                        (BigDecimal) r[5], StageKind.valueOf((String) r[6]), ((Number) r[7]).intValue())).toList();
                out.add(new Pipeline((String) first[0], (String) first[1], stages, (Long) first[2]));
            }
            return out;
        });
    }
}
