import type { MongooseModuleOptions } from '@nestjs/mongoose';
import type { ConnectOptions } from 'mongoose';

/** Read preferences a query may use (the driver's modes). */
export type MongoReadPreference = 'primary' | 'primaryPreferred' | 'secondary' | 'secondaryPreferred' | 'nearest';

/** What the composition root passes in, from validated config. Only `uri` is required. */
export interface MongoPersistenceOptions {
  /** A replica-set or mongos connection string, e.g. `mongodb://mongo:27017/primetrade?replicaSet=rs0`. */
  uri: string;
  /** Connections per API process (the driver's maxPoolSize). */
  poolSize?: number;
  /** How long an operation waits for a usable server before it fails (and the API answers 503). */
  serverSelectionTimeoutMS?: number;
  /** How long a socket may stay silent before the driver gives up on it. */
  socketTimeoutMS?: number;
  /** Where list and statistics queries read; commands and read-after-write always use the primary. */
  readPreference?: MongoReadPreference;
  /** false: with no connection an operation fails at once instead of waiting in Mongoose's buffer. */
  bufferCommands?: boolean;
  /** Create the schemas' indexes at start-up (idempotent; turn off when a DBA manages them). */
  autoIndex?: boolean;
  /** Connection attempts at start-up before the process gives up (and the orchestrator restarts it). */
  retryAttempts?: number;
  /** Delay between start-up connection attempts. */
  retryDelayMs?: number;
  /** Shown in the server's logs and currentOp. */
  appName?: string;
  /** Readiness ping budget. */
  pingTimeoutMS?: number;
}

export type ResolvedMongoPersistenceOptions = Required<MongoPersistenceOptions>;

export const MONGO_PERSISTENCE_DEFAULTS: Omit<ResolvedMongoPersistenceOptions, 'uri'> = {
  poolSize: 10,
  serverSelectionTimeoutMS: 5_000,
  socketTimeoutMS: 45_000,
  readPreference: 'secondaryPreferred',
  bufferCommands: false,
  autoIndex: true,
  retryAttempts: 5,
  retryDelayMs: 3_000,
  appName: 'primetrade-api',
  pingTimeoutMS: 2_000,
};

/** Injection token of the resolved options inside the Mongo persistence module. */
export const MONGO_PERSISTENCE_OPTIONS = Symbol('MONGO_PERSISTENCE_OPTIONS');

export function resolveMongoPersistenceOptions(options: MongoPersistenceOptions): ResolvedMongoPersistenceOptions {
  if (!options.uri || !/^mongodb(\+srv)?:\/\//.test(options.uri)) {
    throw new Error('MongoDB persistence needs a mongodb:// or mongodb+srv:// URI');
  }
  const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  const resolved = { ...MONGO_PERSISTENCE_DEFAULTS, ...defined } as ResolvedMongoPersistenceOptions;
  if (!Number.isInteger(resolved.poolSize) || resolved.poolSize < 1) throw new Error('MongoDB poolSize must be a positive integer');
  return resolved;
}

/**
 * Mongoose connection options. The connection itself reads from the primary; only the read
 * model and the statistics opt into `readPreference`, per query.
 */
export function mongooseConnectOptions(options: ResolvedMongoPersistenceOptions): ConnectOptions {
  return {
    maxPoolSize: options.poolSize,
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMS,
    socketTimeoutMS: options.socketTimeoutMS,
    bufferCommands: options.bufferCommands,
    readPreference: 'primary',
    retryWrites: true,
    retryReads: true,
    appName: options.appName,
    autoIndex: options.autoIndex,
    autoCreate: options.autoIndex,
  };
}

/** What MongooseModule.forRoot(uri, …) takes: the connection options plus start-up retries. */
export function mongooseModuleOptions(options: ResolvedMongoPersistenceOptions): Omit<MongooseModuleOptions, 'uri'> {
  return { ...mongooseConnectOptions(options), retryAttempts: options.retryAttempts, retryDelay: options.retryDelayMs };
}
