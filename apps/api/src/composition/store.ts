import type { DynamicModule } from '@nestjs/common';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';

/** The store of the profile; its technology's entry point is loaded only here, only when chosen. */
export async function storeModule(config: AppConfig): Promise<DynamicModule> {
  const content = { encryptTaskContent: config.encryptTaskContent };
  switch (config.profile.store) {
    case 'mongodb': {
      const { MongoModule } = await import('@primetrade/infrastructure/mongo');
      if (!config.mongodb) throw new Error('the mongodb profile needs MONGODB_URI');
      return MongoModule.forRoot(config.mongodb, content);
    }
    case 'sqlite': {
      const { SqliteModule } = await import('@primetrade/infrastructure/sqlite');
      return SqliteModule.forRoot({
        file: join(config.dataDir, 'primetrade.sqlite'),
        attachmentsDirectory: join(config.dataDir, 'attachments'),
        pageCache: config.taskPageCache,
        ...content,
      });
    }
  }
}
