export * from './task-content-sealer';
export * from './scan-for-matches';
export * from './rrule-recurrence-rules';
