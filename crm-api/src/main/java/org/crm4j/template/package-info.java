/**
 * Message templates (M-6.2): a {@link org.crm4j.template.MessageTemplate} is a subject and a body in Russian
 * and English with placeholders over the client's card, the contact person, a deal and the manager, for one
 * {@link org.crm4j.consent.ConsentPurpose purpose}. crm-core checks the placeholders when a template is saved and
 * renders it by substitution only. The {@link org.crm4j.template.TemplateStore} port keeps templates.
 */
@NullMarked
package org.crm4j.template;

import org.jspecify.annotations.NullMarked;
