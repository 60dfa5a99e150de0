import type { Queue } from 'bullmq';
import { Gauge } from 'prom-client';
import type { AppMetrics } from './app-metrics';

export const QUEUE_STATES = ['waiting', 'prioritized', 'active', 'delayed', 'failed'] as const;

function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  return Promise.race([promise.catch(() => undefined), timeout]).finally(() => clearTimeout(timer));
}

/**
 * bullmq_queue_jobs{queue, state}, read from Redis at scrape time. With Redis unreachable the
 * scrape must not hang (BullMQ connections retry forever), so each read is bounded and a queue
 * that does not answer is left out rather than reported with stale numbers.
 */
export function registerQueueDepth(metrics: AppMetrics, queues: readonly Queue[], timeoutMs = 1000): void {
  new Gauge({
    name: 'bullmq_queue_jobs',
    help: 'Jobs in each BullMQ queue by state (read at scrape time).',
    labelNames: ['queue', 'state'] as const,
    registers: [metrics.registry],
    async collect() {
      this.reset();
      await Promise.all(
        queues.map(async (queue) => {
          const counts = await within(queue.getJobCounts(...QUEUE_STATES), timeoutMs);
          if (!counts) return;
          for (const state of QUEUE_STATES) this.labels(queue.name, state).set(counts[state] ?? 0);
        }),
      );
    },
  });
}
