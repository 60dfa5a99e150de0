/** The shapes the MongoDB adapter's pure builders return; mingo runs them like the driver would. */
export type MongoDocument = Record<string, unknown>;
export type MongoSort = Record<string, 1 | -1>;
