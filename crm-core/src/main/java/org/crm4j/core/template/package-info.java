/**
 * Message templates and mailing (M-6.2): {@link org.crm4j.core.template.TemplateEngine} checks and renders
 * templates by substitution only; {@link org.crm4j.core.template.Mailing} saves templates and sends them to
 * clients' contacts through the notifier, refusing marketing without consent and recording each sending once in
 * the client's history.
 */
@NullMarked
package org.crm4j.core.template;

import org.jspecify.annotations.NullMarked;
