import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { TaskCompleted, TaskCreated } from '@primetrade/domain';
import { AppMetrics } from './app-metrics';

/** Business metrics straight from the domain events, so every path that creates or completes a task counts. */
@EventsHandler(TaskCreated, TaskCompleted)
export class TaskMetricsHandler implements IEventHandler<TaskCreated | TaskCompleted> {
  constructor(private readonly metrics: AppMetrics) {}

  handle(event: TaskCreated | TaskCompleted): void {
    if (event instanceof TaskCreated) {
      this.metrics.tasksCreated.inc({ priority: AppMetrics.priorityLabel(event.facts.priority) });
    } else if (event instanceof TaskCompleted) {
      this.metrics.taskCompletion.observe({ priority: AppMetrics.priorityLabel(event.priority) }, Math.max(event.durationMs, 0) / 1000);
    }
  }
}
