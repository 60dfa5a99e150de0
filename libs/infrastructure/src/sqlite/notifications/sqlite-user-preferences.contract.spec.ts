import { describeUserPreferencesContract } from '@primetrade/testing';
import { SqliteDatabase } from '../database/sqlite-database';
import { SqliteUserPreferencesRepository } from './sqlite-user-preferences.repository';

describeUserPreferencesContract('sqlite', async () => {
  const sqlite = new SqliteDatabase({ file: ':memory:' });
  return { preferences: new SqliteUserPreferencesRepository(sqlite), dispose: async () => sqlite.close() };
});
