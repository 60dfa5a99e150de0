import { DatabaseUnavailableError } from '@primetrade/domain';

/** Driver errors that mean "no usable server right now", not "this request is wrong". */
const UNAVAILABLE_ERROR_NAMES = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoPoolClearedError',
  'MongoTopologyClosedError',
  'MongoWaitQueueTimeoutError',
]);

/** Server codes of a replica set in failover or a node shutting down. */
const UNAVAILABLE_SERVER_CODES = new Set([
  6, // HostUnreachable
  7, // HostNotFound
  89, // NetworkTimeout
  91, // ShutdownInProgress
  189, // PrimarySteppedDown
  9001, // SocketException
  10107, // NotWritablePrimary
  11600, // InterruptedAtShutdown
  11602, // InterruptedDueToReplStateChange
  13435, // NotPrimaryNoSecondaryOk
  13436, // NotPrimaryOrSecondary
]);

interface MongoLikeError {
  name?: string;
  code?: unknown;
  message?: string;
  keyPattern?: Record<string, unknown>;
  keyValue?: Record<string, unknown>;
  cause?: unknown;
}

function chain(error: unknown): MongoLikeError[] {
  const errors: MongoLikeError[] = [];
  let current = error;
  while (current && typeof current === 'object' && errors.length < 5) {
    errors.push(current as MongoLikeError);
    current = (current as MongoLikeError).cause;
  }
  return errors;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return chain(error).some(
    (e) =>
      (e.name !== undefined && UNAVAILABLE_ERROR_NAMES.has(e.name)) ||
      (typeof e.code === 'number' && UNAVAILABLE_SERVER_CODES.has(e.code)) ||
      // Mongoose with bufferCommands false before the first connection has been made.
      (e.name === 'MongooseError' && /before initial connection is complete/.test(e.message ?? '')),
  );
}

/** A duplicate-key error (E11000), optionally only when it is on `field`. */
export function isDuplicateKey(error: unknown, field?: string): boolean {
  const e = error as MongoLikeError | null;
  if (!e || (e.code !== 11000 && e.code !== 11001)) return false;
  if (field === undefined) return true;
  if (e.keyPattern && field in e.keyPattern) return true;
  if (e.keyValue && field in e.keyValue) return true;
  return new RegExp(`index: \\S*${field}`).test(e.message ?? '');
}

/** Runs a store call; an outage becomes DatabaseUnavailableError (503 at the edge), keeping the cause for the logs. */
export async function mongoCall<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw Object.assign(new DatabaseUnavailableError(), { cause: error });
    throw error;
  }
}
