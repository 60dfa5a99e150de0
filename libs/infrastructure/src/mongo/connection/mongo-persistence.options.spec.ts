import {
  MONGO_PERSISTENCE_DEFAULTS,
  mongooseConnectOptions,
  mongooseModuleOptions,
  resolveMongoPersistenceOptions,
} from './mongo-persistence.options';

const URI = 'mongodb://mongo:27017/primetrade?replicaSet=rs0';

describe('MongoDB connection options', () => {
  it('applies the original plan’s defaults', () => {
    const options = mongooseModuleOptions(resolveMongoPersistenceOptions({ uri: URI }));
    expect(options).toMatchObject({
      maxPoolSize: 10,
      serverSelectionTimeoutMS: 5_000,
      socketTimeoutMS: 45_000,
      bufferCommands: false,
      retryWrites: true,
      retryReads: true,
      autoIndex: true,
    });
    expect(options).not.toHaveProperty('uri');
    expect(MONGO_PERSISTENCE_DEFAULTS.readPreference).toBe('secondaryPreferred');
  });

  it('reads from the primary on the connection; only queries opt into the configured preference', () => {
    const resolved = resolveMongoPersistenceOptions({ uri: URI, readPreference: 'nearest' });
    expect(mongooseConnectOptions(resolved).readPreference).toBe('primary');
    expect(resolved.readPreference).toBe('nearest');
  });

  it('takes every setting from config, ignoring undefined ones', () => {
    const resolved = resolveMongoPersistenceOptions({
      uri: URI,
      poolSize: 50,
      serverSelectionTimeoutMS: 2_000,
      socketTimeoutMS: undefined,
      bufferCommands: true,
      autoIndex: false,
      retryAttempts: 1,
      retryDelayMs: 100,
    });
    expect(mongooseConnectOptions(resolved)).not.toHaveProperty('retryAttempts');
    expect(mongooseModuleOptions(resolved)).toMatchObject({
      maxPoolSize: 50,
      serverSelectionTimeoutMS: 2_000,
      socketTimeoutMS: 45_000,
      bufferCommands: true,
      autoIndex: false,
      autoCreate: false,
      retryAttempts: 1,
      retryDelay: 100,
    });
  });

  it('refuses a missing or non-MongoDB URI and a bad pool size', () => {
    expect(() => resolveMongoPersistenceOptions({ uri: '' })).toThrow(/mongodb/);
    expect(() => resolveMongoPersistenceOptions({ uri: 'postgres://x' })).toThrow(/mongodb/);
    expect(() => resolveMongoPersistenceOptions({ uri: 'mongodb+srv://cluster.example.net/db' })).not.toThrow();
    expect(() => resolveMongoPersistenceOptions({ uri: URI, poolSize: 0 })).toThrow(/poolSize/);
  });
});
