import { SqliteDatabase } from '../../persistence/sqlite/sqlite-database';
import { notificationRepositoryContract } from '../contract/notification-repository.contract';
import { SqliteNotificationRepository } from './sqlite-notification.repository';

notificationRepositoryContract('sqlite', async () => {
  const sqlite = new SqliteDatabase({ file: ':memory:' });
  return { repo: new SqliteNotificationRepository(sqlite), close: () => sqlite.close() };
});
