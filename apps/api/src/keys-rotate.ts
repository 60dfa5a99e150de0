import 'reflect-metadata';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { AesGcmContentCipher, BlindIndex, type RotationProgress } from '@primetrade/infrastructure';
import { type AppConfig, ConfigValidationError, loadConfig } from './config/app-config';
import { resolveEncryptionKeys } from './config/encryption-keys';

/**
 * `npm run keys:rotate`: re-encrypts the store's encrypted data (SQLite, or MongoDB with MONGODB_URI) with ENCRYPTION_ACTIVE_KEY,
 * in batches, while the app keeps running (same config as the app). Run it after making a new key
 * active; when it reports nothing left, the old key may be removed from ENCRYPTION_KEYS.
 */
export async function rotateKeys(config: AppConfig, logger: Pick<Logger, 'log' | 'warn'>): Promise<RotationProgress> {
  const keys = resolveEncryptionKeys(config.encryption, config.dataDir, logger);
  const cipher = new AesGcmContentCipher(keys);
  const report = (p: RotationProgress) =>
    logger.log(
      `users ${p.users.resealed}/${p.users.scanned}, tasks ${p.tasks.resealed}/${p.tasks.scanned}, notifications ${p.notifications.resealed}/${p.notifications.scanned}, ` +
        `outbox ${p.outbox.resealed}/${p.outbox.scanned}, webhooks ${p.webhooks.resealed}/${p.webhooks.scanned}, files ${p.files.resealed}/${p.files.scanned} re-sealed`,
    );
  if (config.profile.store === 'mongodb' && config.mongodb) {
    const { connectMongoKeyRotation, resealGridFs } = await import('@primetrade/infrastructure/mongo');
    // MongoDB: users, tasks, notifications and the outbox, then attachment content in GridFS
    // (each file re-sealed as a new version, then the old one deleted).
    const mongo = await connectMongoKeyRotation(config.mongodb, cipher, keys.blindIndexKey, { sealTaskContent: config.encryptTaskContent });
    try {
      const progress = await mongo.rotation.run({ onBatch: report });
      await resealGridFs(mongo.gridfs, cipher, () => new Date(), progress, report);
      logger.log(
        `done: every document and attachment file is sealed with key "${keys.activeKeyId}"; keys no longer needed can be removed from ENCRYPTION_KEYS`,
      );
      return progress;
    } finally {
      await mongo.close();
    }
  }
  const { SqliteDatabase, SqliteKeyRotation, SqliteNotificationRepository, SqliteOutboxMailer, SqliteUserRepository } =
    await import('@primetrade/infrastructure/sqlite');
  const sqlite = new SqliteDatabase({ file: join(config.dataDir, 'primetrade.sqlite') });
  try {
    // Constructing the repositories seals any rows still in plaintext (users, notifications, outbox).
    new SqliteUserRepository(sqlite, cipher, new BlindIndex(keys.blindIndexKey));
    new SqliteNotificationRepository(sqlite, cipher);
    new SqliteOutboxMailer(sqlite, cipher);
    // With ENCRYPT_TASK_CONTENT on, task rows still in plaintext are sealed too.
    const rotation = new SqliteKeyRotation(sqlite, cipher, join(config.dataDir, 'attachments'), {
      sealTaskContent: config.encryptTaskContent,
    });
    const progress = await rotation.run({ onBatch: report });
    logger.log(`done: every value is sealed with key "${keys.activeKeyId}"; keys no longer needed can be removed from ENCRYPTION_KEYS`);
    return progress;
  } finally {
    sqlite.close();
  }
}

if (require.main === module) {
  const logger = new Logger('KeysRotate');
  Promise.resolve()
    .then(() => rotateKeys(loadConfig(process.env, process.argv.slice(2)), logger))
    .catch((error: unknown) => {
      console.error(error instanceof ConfigValidationError ? error.message : error);
      process.exit(1);
    });
}
