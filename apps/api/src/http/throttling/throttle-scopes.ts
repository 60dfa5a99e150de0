import { SetMetadata } from '@nestjs/common';

export const THROTTLE_SCOPE = 'throttle:scope';
export type ThrottleScope = 'login' | 'task-create';

/** Strict brute-force limit on login, per client IP and email. */
export const LoginThrottle = () => SetMetadata(THROTTLE_SCOPE, 'login' satisfies ThrottleScope);
/** The original plan's task-creation limit, per user. */
export const TaskCreateThrottle = () => SetMetadata(THROTTLE_SCOPE, 'task-create' satisfies ThrottleScope);
