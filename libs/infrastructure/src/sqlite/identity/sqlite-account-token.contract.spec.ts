import { describePasswordResetContract } from '@primetrade/testing';
import { SqliteDatabase } from '../database/sqlite-database';
import { SqlitePasswordResetRepository } from './sqlite-account-token.repository';

describePasswordResetContract('sqlite', async () => new SqlitePasswordResetRepository(new SqliteDatabase({ file: ':memory:' })));
