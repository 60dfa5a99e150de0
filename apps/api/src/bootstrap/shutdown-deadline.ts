import { Logger } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';

/**
 * A bound on shutdown whatever the dependencies do: on SIGTERM or SIGINT, if the process has not
 * ended after the drain plus `SHUTDOWN_TIMEOUT_MS` (a queue connection waiting for a Redis that
 * is not coming back, a store that does not answer), it exits with code 1. Nothing acknowledged
 * is lost by that: writes are committed with their events in the store's outbox before the
 * answer, and jobs are re-run from where they stood.
 */
export function boundShutdown(config: Pick<AppConfig, 'shutdownDrainMs' | 'shutdownTimeoutMs'>): void {
  const arm = (signal: NodeJS.Signals) => {
    const limit = config.shutdownDrainMs + config.shutdownTimeoutMs;
    setTimeout(() => {
      new Logger('Shutdown').error(`${signal}: shutdown did not finish within ${limit} ms; exiting now`);
      process.exit(1);
    }, limit).unref(); // never keeps an otherwise finished process alive
  };
  process.once('SIGTERM', arm);
  process.once('SIGINT', arm);
}
