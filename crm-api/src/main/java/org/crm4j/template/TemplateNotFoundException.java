package org.crm4j.template;

import org.crm4j.common.NotFoundException;

/** No message template is stored under the code. */
public final class TemplateNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    /** The template {@code code} is not stored. */
    public TemplateNotFoundException(String code) {
        super("template", code);
    }
}
