import { describeOnMongoServer, describePasswordResetContract } from '@primetrade/testing';
import { MongoPasswordResetRepository } from './mongo-account-token.repository';
import { PasswordResetRecord, PasswordResetSchema } from './account-token.schema';

describeOnMongoServer('MongoPasswordResetRepository', (database) => {
  describePasswordResetContract('mongodb', async () => {
    const db = await database();
    const resets = db.model<PasswordResetRecord>(PasswordResetRecord.name, PasswordResetSchema);
    await resets.init();
    // The contract's clock is frozen in the past; keep the server's TTL monitor from deleting its tokens mid-test.
    await db.db!.command({ collMod: 'password_resets', index: { name: 'password_reset_expiry', expireAfterSeconds: 10 * 365 * 86_400 } });
    return new MongoPasswordResetRepository(resets);
  });
});
