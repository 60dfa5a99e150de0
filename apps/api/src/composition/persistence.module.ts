import type { DynamicModule } from '@nestjs/common';
import { join } from 'node:path';
import { MongoPersistenceModule, SqlitePersistenceModule } from '@primetrade/infrastructure';
import type { AppConfig } from '../config/app-config';

/** Picks the store from validated config: MongoDB when MONGODB_URI is set, else embedded SQLite. */
export function persistenceModule(config: AppConfig): DynamicModule {
  if (config.mongodb) return MongoPersistenceModule.forRoot(config.mongodb, { encryptTaskContent: config.encryptTaskContent });
  return SqlitePersistenceModule.forRoot({
    file: join(config.dataDir, 'primetrade.sqlite'),
    encryptTaskContent: config.encryptTaskContent,
  });
}
