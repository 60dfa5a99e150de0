export * from './task-content-sealer';
export * from './scan-for-matches';
