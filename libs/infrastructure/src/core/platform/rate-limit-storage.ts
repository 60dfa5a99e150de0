/** Injection token of shared rate-limit counters (Redis); absent: each process counts in memory. */
export const RATE_LIMIT_STORAGE = Symbol('RATE_LIMIT_STORAGE');

/** Injection token of the job queues whose depth is exported as a metric (BullMQ); absent: none. */
export const MONITORED_QUEUES = Symbol('MONITORED_QUEUES');
