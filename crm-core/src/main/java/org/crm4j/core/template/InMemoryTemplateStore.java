package org.crm4j.core.template;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.crm4j.storage.OptimisticLock;
import org.crm4j.template.MessageTemplate;
import org.crm4j.template.TemplateNotFoundException;
import org.crm4j.template.TemplateStore;

/** Message templates in memory, by code. Writes are atomic per template. Thread-safe. */
public final class InMemoryTemplateStore implements TemplateStore {
    private final ConcurrentSkipListMap<String, MessageTemplate> templates = new ConcurrentSkipListMap<>();

    @Override
    public MessageTemplate save(MessageTemplate template) {
        Objects.requireNonNull(template, "template");
        MessageTemplate stored = template.withVersion(template.version() + 1);
        templates.compute(template.code(), (code, current) -> {
            OptimisticLock.check("template", "code", code, template.version(),
                    current == null ? null : current.version(), () -> new TemplateNotFoundException(code));
            return stored;
        });
        return stored;
    }

    @Override
    public Optional<MessageTemplate> findByCode(String code) {
        return Optional.ofNullable(templates.get(Objects.requireNonNull(code, "code")));
    }

    @Override
    public List<MessageTemplate> findAll() {
        return List.copyOf(templates.values());
    }
}
