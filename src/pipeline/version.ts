/**
 * Bumped whenever the analysis changes what it stores, so that re-ingesting an unchanged file
 * after an upgrade refreshes its rows instead of keeping stale ones.
 */
export const PIPELINE_VERSION = '0.2.0';
