export { MongoPersistenceModule, MONGO_MODELS } from './mongo-persistence.module';
export {
  type MongoPersistenceOptions,
  type MongoReadPreference,
  MONGO_PERSISTENCE_DEFAULTS,
  resolveMongoPersistenceOptions,
} from './connection/mongo-persistence.options';
