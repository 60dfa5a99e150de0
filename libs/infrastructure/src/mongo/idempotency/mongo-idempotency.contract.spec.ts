import { randomBytes } from 'node:crypto';
import { describeIdempotencyStoreContract, describeOnMongoServer } from '@primetrade/testing';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import { IDEMPOTENCY_COLLECTION, IdempotencyRecord, IdempotencySchema } from './idempotency.schema';
import { MongoIdempotencyStore } from './mongo-idempotency.store';

describeOnMongoServer('MongoIdempotencyStore', (database) => {
  describeIdempotencyStoreContract('mongodb', async () => {
    const db = await database();
    const records = db.model<IdempotencyRecord>(IdempotencyRecord.name, IdempotencySchema);
    await records.init();
    // The contract's clock is frozen in the past; keep the server's TTL monitor from deleting its records mid-test.
    await db.db!.command({ collMod: IDEMPOTENCY_COLLECTION, index: { name: 'idempotency_expiry', expireAfterSeconds: 10 * 365 * 86_400 } });
    const cipher = new AesGcmContentCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', blindIndexKey: randomBytes(32) });
    return new MongoIdempotencyStore(records, cipher);
  });
});
