/**
 * Dividing clients among managers (M-6.4). An {@link org.crm4j.core.assignment.AssignmentPolicy}, given to
 * {@code Crm.builder().assignment(...)} as data, names the team and a chain of steps: by region, by industry,
 * then a tie-breaker, round-robin or least loaded. {@link org.crm4j.core.assignment.AssignmentRules} apply it as a
 * pure function and explain the result in an {@link org.crm4j.core.assignment.AssignmentDecision};
 * {@link org.crm4j.core.assignment.Assignments} ({@code crm.assignment()}) proposes and applies decisions, and
 * reassigns clients with their open tasks and deals and a handover task for the new manager.
 */
@NullMarked
package org.crm4j.core.assignment;

import org.jspecify.annotations.NullMarked;
