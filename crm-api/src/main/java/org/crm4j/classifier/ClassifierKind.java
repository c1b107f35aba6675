package org.crm4j.classifier;

/**
 * The dictionaries a tenant configures (M-3.2, M-4.4). Each holds entries with stable codes, which the rest of
 * crm4j stores, and display names in Russian and English, which people see.
 */
public enum ClassifierKind {
    /** Inbound call, outbound call, e-mail, meeting, demonstration, materials sent, proposal, … */
    INTERACTION_TYPE,
    /** How a client learned of the company: an article, an exhibition, a referral, advertising, … */
    LEAD_SOURCE,
    /** Regions for segmentation. */
    REGION,
    /** Industries for segmentation. */
    INDUSTRY,
    /** Why a deal was lost or a client refused. */
    REFUSAL_REASON,
    /** Marketing actions and campaigns. */
    MARKETING_ACTION
}
