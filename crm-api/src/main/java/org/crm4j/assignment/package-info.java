/**
 * Dividing clients among managers (M-6.4): the {@link org.crm4j.assignment.Absences} port the embedding system
 * implements to say who is away, the {@link org.crm4j.assignment.AssignmentQuery} port storage answers (each
 * manager's open work and assignment history, the clients of a manager), and the refusal when a rule finds
 * nobody ({@link org.crm4j.assignment.NoManagerException}). The rules themselves live in crm-core.
 */
@NullMarked
package org.crm4j.assignment;

import org.jspecify.annotations.NullMarked;
