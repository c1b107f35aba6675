package org.crm4j.history;

/**
 * What a feed did. Immutable.
 *
 * @param recorded  facts stored by this feed
 * @param unchanged facts whose key was stored already with the same content (or repeated within the feed), skipped
 */
public record FeedResult(int recorded, int unchanged) {
    public FeedResult {
        if (recorded < 0 || unchanged < 0) {
            throw new IllegalArgumentException("counts are never negative: " + recorded + ", " + unchanged);
        }
    }
}
