import { randomBytes } from 'node:crypto';
import { describeAccountTokenContract, describeOnMongoServer } from '@primetrade/testing';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import { AccountTokenRecord, AccountTokenSchema } from './account-token.schema';
import { MongoAccountTokenRepository } from './mongo-account-token.repository';

const cipher = new AesGcmContentCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', blindIndexKey: randomBytes(32) });

describeOnMongoServer('MongoAccountTokenRepository', (database) => {
  describeAccountTokenContract('mongodb', async () => {
    const db = await database();
    const tokens = db.model<AccountTokenRecord>(AccountTokenRecord.name, AccountTokenSchema);
    await tokens.init();
    // The contract's clock is frozen in the past; keep the server's TTL monitor from deleting its tokens mid-test.
    await db.db!.command({ collMod: 'account_tokens', index: { name: 'account_token_expiry', expireAfterSeconds: 10 * 365 * 86_400 } });
    return new MongoAccountTokenRepository(tokens, cipher);
  });
});
