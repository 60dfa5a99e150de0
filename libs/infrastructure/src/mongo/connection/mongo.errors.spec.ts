import { DatabaseUnavailableError } from '@primetrade/domain';
import { mongo, MongooseError } from 'mongoose';
import { isDatabaseUnavailable, isDuplicateKey, mongoCall } from './mongo.errors';

const {
  MongoNetworkError,
  MongoNetworkTimeoutError,
  MongoNotConnectedError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} = mongo;

function duplicate(keyPattern: Record<string, number>): InstanceType<typeof MongoServerError> {
  const field = Object.keys(keyPattern)[0];
  return new MongoServerError({
    message: `E11000 duplicate key error collection: primetrade.users index: ${field}_unique dup key: { ${field}: "x" }`,
    code: 11000,
    keyPattern,
    keyValue: { [field]: 'x' },
  });
}

describe('MongoDB error translation', () => {
  it.each([
    // The driver builds this one from the topology it could not select a server from.
    [
      'server selection timed out',
      new MongoServerSelectionError('Server selection timed out after 5000 ms', { servers: new Map() } as never),
    ],
    ['network error', new MongoNetworkError('connect ECONNREFUSED 127.0.0.1:27017')],
    ['network timeout', new MongoNetworkTimeoutError('connection timed out')],
    ['client not connected', new MongoNotConnectedError('not connected')],
    ['topology closed', new MongoTopologyClosedError()],
    ['primary stepped down', new MongoServerError({ message: 'not primary', code: 10107 })],
    ['shutdown in progress', new MongoServerError({ message: 'shutting down', code: 91 })],
    [
      'no connection with bufferCommands false',
      new MongooseError('Cannot call `tasks.find()` before initial connection is complete if `bufferCommands = false`.'),
    ],
    ['wrapped in a cause', Object.assign(new Error('outer'), { cause: new MongoNetworkError('reset') })],
  ])('treats %s as the database being unavailable', async (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    const failure = await mongoCall(() => Promise.reject(error)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DatabaseUnavailableError);
    expect(failure).toMatchObject({ code: 'INFRA.DATABASE_UNAVAILABLE', kind: 'unavailable', cause: error });
  });

  it.each([
    ['a duplicate key', duplicate({ email: 1 })],
    ['a validation failure', new MongoServerError({ message: 'Document failed validation', code: 121 })],
    ['a programming error', new TypeError('x is undefined')],
  ])('passes %s through unchanged', async (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
    await expect(mongoCall(() => Promise.reject(error))).rejects.toBe(error);
  });

  it('returns the result when the call succeeds', async () => {
    await expect(mongoCall(async () => 42)).resolves.toBe(42);
  });

  it('recognises a duplicate key by field', () => {
    expect(isDuplicateKey(duplicate({ email: 1 }), 'email')).toBe(true);
    expect(isDuplicateKey(duplicate({ email: 1 }))).toBe(true);
    expect(isDuplicateKey(duplicate({ _id: 1 }), 'email')).toBe(false);
    // Older servers report the index only in the message.
    expect(isDuplicateKey(new MongoServerError({ message: 'E11000 duplicate key error index: email_unique', code: 11000 }), 'email')).toBe(
      true,
    );
    expect(isDuplicateKey(new MongoServerError({ message: 'other', code: 2 }), 'email')).toBe(false);
    expect(isDuplicateKey(null, 'email')).toBe(false);
  });
});
