/** Plain MongoDB documents (filters, updates, sort specs, stages): built by pure functions, run by the driver or by mingo in tests. */
export type MongoDocument = Record<string, unknown>;
export type MongoSort = Record<string, 1 | -1>;
