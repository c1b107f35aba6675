/**
 * Tenant-configurable dictionaries: interaction types, lead sources, segments, refusal reasons, marketing
 * actions. Codes are stable and stored; names are for people, in Russian and English.
 */
@NullMarked
package org.crm4j.classifier;

import org.jspecify.annotations.NullMarked;
