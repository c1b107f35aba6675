package org.crm4j.history;

import org.crm4j.common.Violations;

/**
 * Where a fact comes from in the ERP: its document and the line within it. With the fact's kind it is the key
 * that makes feeding idempotent. Immutable.
 *
 * @param documentId the ERP's id of the document, 1 to 100 characters, surrounding blanks stripped
 * @param line       the line number within the document, from 1 (a payment or claim of one line uses 1)
 */
public record DocumentLine(String documentId, int line) {
    public DocumentLine {
        Violations v = new Violations();
        documentId = documentId == null ? "" : documentId.strip();
        if (documentId.isEmpty() || documentId.length() > 100) {
            v.add("documentId", "work-fact.document-id", documentId,
                    "the document id must have 1 to 100 characters, was '" + documentId + "'");
        }
        if (line < 1) {
            v.add("line", "work-fact.line", line, "the line number is 1 or more, was " + line);
        }
        v.throwIfAny();
    }

    public static DocumentLine of(String documentId, int line) {
        return new DocumentLine(documentId, line);
    }

    @Override
    public String toString() {
        return documentId + " line " + line;
    }
}
