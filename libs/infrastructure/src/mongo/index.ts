// @primetrade/infrastructure/mongo — the scaled store. Loaded only by the mongodb profile.
export * from './mongo.module';
export { MongoPersistenceModule, MONGO_MODELS } from './mongo-persistence.module';
export {
  type MongoPersistenceOptions,
  type MongoReadPreference,
  MONGO_PERSISTENCE_DEFAULTS,
  resolveMongoPersistenceOptions,
} from './connection/mongo-persistence.options';
export * from './key-rotation/mongo-key-rotation';
export { connectMongoTaskCounters, MongoTaskCounters } from './tasks/mongo-task-counters';
export { resealGridFs, sweepGridFs, gridFsVersionStore, type GridFsVersionStore } from './attachments/gridfs-maintenance';
