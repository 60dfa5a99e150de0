import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { TASK_PRIORITIES, type TaskPriority } from '@primetrade/domain';

/**
 * Every metric the app exports, on a registry of its own (not prom-client's global one), so
 * several app instances in one process — the e2e suites — never collide.
 * Labels are bounded sets only: a route template, never a raw URL; never a user or task id.
 */
export class AppMetrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route template and status class.',
    labelNames: ['method', 'route', 'status_class'] as const,
    // 0.5 s is the latency objective's bucket (alert HighLatencyP99).
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by method, route template and status class.',
    labelNames: ['method', 'route', 'status_class'] as const,
    registers: [this.registry],
  });

  readonly tasksCreated = new Counter({
    name: 'tasks_created_total',
    help: 'Tasks created, by priority.',
    labelNames: ['priority'] as const,
    registers: [this.registry],
  });

  readonly taskCompletion = new Histogram({
    name: 'task_completion_duration_seconds',
    help: "Time from a task's creation to its completion, by priority.",
    labelNames: ['priority'] as const,
    // 1 min, 5 min, 15 min, 1 h, 4 h, 1 d, 3 d, 1 week, 30 days.
    buckets: [60, 300, 900, 3600, 14_400, 86_400, 259_200, 604_800, 2_592_000],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    // Publish every label combination at zero so rate() and absent() work from the first scrape.
    for (const priority of TASK_PRIORITIES) this.tasksCreated.labels(priority).inc(0);
  }

  /** Unknown values collapse into "other" so a bug upstream can never mint new series. */
  static priorityLabel(priority: string): TaskPriority | 'other' {
    return (TASK_PRIORITIES as readonly string[]).includes(priority) ? (priority as TaskPriority) : 'other';
  }
}
