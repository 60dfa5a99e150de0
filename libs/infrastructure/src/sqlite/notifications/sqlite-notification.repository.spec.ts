import { randomBytes } from 'node:crypto';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import { SqliteDatabase } from '../database/sqlite-database';
import { notificationRepositoryContract } from '@primetrade/testing';
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
