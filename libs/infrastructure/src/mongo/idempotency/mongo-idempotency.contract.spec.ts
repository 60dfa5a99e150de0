import { randomBytes, randomUUID } from 'node:crypto';
import { type Connection, createConnection } from 'mongoose';
import { describeIdempotencyStoreContract } from '@primetrade/testing';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import { IDEMPOTENCY_COLLECTION, IdempotencyRecord, IdempotencySchema } from './idempotency.schema';
import { MongoIdempotencyStore } from './mongo-idempotency.store';

/** The shared contract against a real mongod when MONGODB_URI is set; a database per test, named "…test…". */
const uri = process.env['MONGODB_URI'];
if (!uri) process.stdout.write('skipped: no MongoDB server (set MONGODB_URI)\n');

let base: Connection | undefined;
const run = randomUUID().slice(0, 8);
let counter = 0;

afterAll(async () => {
  if (!base) return;
  for (let i = 1; i <= counter; i++) await base.useDb(`primetrade_idempotency_test_${run}_${i}`).dropDatabase();
  await base.close();
});

(uri ? describe : describe.skip)('MongoIdempotencyStore on a real server', () => {
  describeIdempotencyStoreContract('mongodb', async () => {
    base ??= await createConnection(uri!).asPromise();
    const db = base.useDb(`primetrade_idempotency_test_${run}_${++counter}`, { useCache: false });
    const records = db.model<IdempotencyRecord>(IdempotencyRecord.name, IdempotencySchema);
    await records.init();
    // The contract's clock is frozen in the past; keep the server's TTL monitor from deleting its records mid-test.
    await db.db!.command({ collMod: IDEMPOTENCY_COLLECTION, index: { name: 'idempotency_expiry', expireAfterSeconds: 10 * 365 * 86_400 } });
    const cipher = new AesGcmContentCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', blindIndexKey: randomBytes(32) });
    return new MongoIdempotencyStore(records, cipher);
  });
});
