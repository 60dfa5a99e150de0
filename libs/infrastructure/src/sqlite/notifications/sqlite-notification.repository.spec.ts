import { randomBytes } from 'node:crypto';
import { AesGcmContentCipher } from '../../security/aes-gcm-content-cipher';
import { SqliteDatabase } from '../../persistence/sqlite/sqlite-database';
import { notificationRepositoryContract } from '../contract/notification-repository.contract';
import { SqliteNotificationRepository } from './sqlite-notification.repository';

notificationRepositoryContract('sqlite', async () => {
  const sqlite = new SqliteDatabase({ file: ':memory:' });
  return {
    repo: new SqliteNotificationRepository(
      sqlite,
      new AesGcmContentCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', blindIndexKey: randomBytes(32) }),
    ),
    close: () => sqlite.close(),
  };
});
