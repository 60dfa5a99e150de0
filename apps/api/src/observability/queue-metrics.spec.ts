import type { Queue } from 'bullmq';
import { AppMetrics } from './app-metrics';
import { registerQueueDepth } from './queue-metrics';

const fakeQueue = (name: string, getJobCounts: () => Promise<Record<string, number>>) => ({ name, getJobCounts }) as unknown as Queue;

describe('bullmq_queue_jobs', () => {
  it('reports every state of every queue', async () => {
    const metrics = new AppMetrics();
    registerQueueDepth(metrics, [
      fakeQueue('notifications', async () => ({ waiting: 7, prioritized: 0, active: 2, delayed: 1, failed: 3 })),
    ]);
    const text = await metrics.registry.metrics();
    expect(text).toContain('bullmq_queue_jobs{queue="notifications",state="waiting"} 7');
    expect(text).toContain('bullmq_queue_jobs{queue="notifications",state="failed"} 3');
  });

  it('does not hang a scrape when Redis never answers, and reports nothing stale', async () => {
    const metrics = new AppMetrics();
    let answer = true;
    registerQueueDepth(
      metrics,
      [fakeQueue('notifications', () => (answer ? Promise.resolve({ waiting: 5 }) : new Promise(() => undefined)))],
      50,
    );
    expect(await metrics.registry.metrics()).toContain('state="waiting"} 5');
    answer = false;
    const started = Date.now();
    const text = await metrics.registry.metrics();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(text).not.toContain('bullmq_queue_jobs{');
  });
});
