import 'reflect-metadata';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { type AppConfig, ConfigValidationError, loadConfig } from './config/app-config';

/** The store files of the embedded profile (as composition/store.ts lays them out under DATA_DIR). */
function storeFiles(config: AppConfig) {
  return { databaseFile: join(config.dataDir, 'primetrade.sqlite'), attachmentsDirectory: join(config.dataDir, 'attachments') };
}

/**
 * `npm run backup -- <file>`: a consistent copy of the embedded store (SQLite online backup) and
 * its attachment files (`<file>.attachments/`), taken while the app runs. The encryption keys
 * and JWT secret are not in it: keep them apart (docs/operate.md).
 */
export async function backup(config: AppConfig, file: string, logger: Pick<Logger, 'log' | 'warn'>) {
  if (config.profile.store !== 'sqlite')
    throw new Error('npm run backup is for the embedded store; back MongoDB up with mongodump (docs/operate.md)');
  const { backupSqliteStore } = await import('@primetrade/infrastructure/sqlite');
  const report = await backupSqliteStore(storeFiles(config), file);
  logger.log(
    `backup in ${report.databaseFile} and ${report.attachmentsDirectory}: ${report.tasks} tasks, ${report.attachments} attachments, ` +
      `${report.files} files${report.filesGone ? ` (${report.filesGone} deleted while copying)` : ''}, ${report.ms} ms`,
  );
  logger.warn(
    'the encryption keys (ENCRYPTION_KEYS or DATA_DIR/.encryption-keys.json) are not in the backup: keep them safe, apart from it',
  );
  return report;
}

/** `npm run restore -- <file> [--force]`: puts a backup in place of DATA_DIR's store; stop the app first. */
export async function restore(config: AppConfig, file: string, force: boolean, logger: Pick<Logger, 'log'>) {
  if (config.profile.store !== 'sqlite')
    throw new Error('npm run restore is for the embedded store; restore MongoDB with mongorestore (docs/operate.md)');
  const { restoreSqliteStore } = await import('@primetrade/infrastructure/sqlite');
  const report = restoreSqliteStore(file, storeFiles(config), { force });
  logger.log(
    `restored ${report.tasks} tasks and ${report.attachments} attachments into ${config.dataDir}` +
      `${report.rowsWithoutFile ? ` (${report.rowsWithoutFile} attachments deleted during the backup dropped)` : ''}` +
      `${report.previous ? `; the previous data is in ${report.previous}` : ''}`,
  );
  return report;
}

if (require.main === module) {
  const [command, file, ...rest] = process.argv.slice(2);
  const logger = new Logger(command === 'restore' ? 'Restore' : 'Backup');
  Promise.resolve()
    .then(async () => {
      if ((command !== 'backup' && command !== 'restore') || !file) throw new Error('usage: backup <file> | restore <file> [--force]');
      const config = loadConfig(
        process.env,
        rest.filter((a) => a !== '--force'),
      );
      if (command === 'backup') await backup(config, file, logger);
      else await restore(config, file, rest.includes('--force'), logger);
    })
    .catch((error: unknown) => {
      console.error(error instanceof ConfigValidationError ? error.message : error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
