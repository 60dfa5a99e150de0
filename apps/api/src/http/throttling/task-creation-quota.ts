import { Inject, Injectable } from '@nestjs/common';
import { InjectThrottlerStorage, type ThrottlerStorage } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { throttleKey } from './throttler-options';

/**
 * The per-user task-creation budget, spent one task at a time by routes that create several
 * (bulk): each task takes a hit from the same counter, with the same limit and window, that one
 * POST /tasks takes through the guard, so a batch can never create more than single calls could.
 */
@Injectable()
export class TaskCreationQuota {
  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Takes one creation; refused (with the seconds until it frees up) once the window's limit is reached. */
  async take(userId: string): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
    const { enabled, taskCreate } = this.config.throttle;
    if (!enabled) return { allowed: true };
    const key = throttleKey('task-create', `user:${userId}`);
    const hit = await this.storage.increment(key, taskCreate.ttlMs, taskCreate.limit, taskCreate.ttlMs, 'task-create');
    return hit.isBlocked ? { allowed: false, retryAfterSeconds: Math.max(1, hit.timeToBlockExpire) } : { allowed: true };
  }
}
