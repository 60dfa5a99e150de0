import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { type AppConfig, ConfigValidationError, loadConfig } from './config/app-config';

/**
 * `npm run stats:rebuild`: rebuilds MongoDB's statistics counters (`task_counters`,
 * `task_due_counters`) from the tasks, owner by owner, while the app keeps running (same config
 * as the app). The app does this by itself at start-up when they were never built; run it after
 * restoring `tasks` alone, or after running a version that did not keep them. SQLite keeps its
 * counters by triggers: nothing to do there.
 */
export async function rebuildStatistics(config: AppConfig, logger: Pick<Logger, 'log'>): Promise<boolean> {
  if (config.profile.store !== 'mongodb' || !config.mongodb) {
    logger.log('SQLite keeps its statistics counters by triggers in every write: nothing to rebuild');
    return false;
  }
  const { connectMongoTaskCounters } = await import('@primetrade/infrastructure/mongo');
  const mongo = await connectMongoTaskCounters(config.mongodb);
  try {
    await mongo.counters.rebuildAll();
    logger.log('done: the statistics counters are rebuilt from the tasks');
    return true;
  } finally {
    await mongo.close();
  }
}

if (require.main === module) {
  const logger = new Logger('StatsRebuild');
  Promise.resolve()
    .then(() => rebuildStatistics(loadConfig(process.env, process.argv.slice(2)), logger))
    .catch((error: unknown) => {
      console.error(error instanceof ConfigValidationError ? error.message : error);
      process.exit(1);
    });
}
