import { describeOnMongoServer, describeUserPreferencesContract } from '@primetrade/testing';
import { MongoUserPreferencesRepository } from './mongo-user-preferences.repository';
import { DailyDigestRecord, DailyDigestSchema, UserPreferencesRecord, UserPreferencesSchema } from './user-preferences.schema';

describeOnMongoServer('MongoUserPreferencesRepository', (database) => {
  describeUserPreferencesContract('mongodb', async () => {
    const db = await database();
    const preferences = db.model<UserPreferencesRecord>(UserPreferencesRecord.name, UserPreferencesSchema);
    const digests = db.model<DailyDigestRecord>(DailyDigestRecord.name, DailyDigestSchema);
    await Promise.all([preferences.init(), digests.init()]);
    return { preferences: new MongoUserPreferencesRepository(preferences, digests), dispose: async () => undefined };
  });
});
