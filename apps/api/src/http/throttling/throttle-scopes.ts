import { SetMetadata } from '@nestjs/common';

export const THROTTLE_SCOPE = 'throttle:scope';
export type ThrottleScope = 'login' | 'task-create' | 'account-mail';

/** Strict brute-force limit on login, per client IP and email. */
export const LoginThrottle = () => SetMetadata(THROTTLE_SCOPE, 'login' satisfies ThrottleScope);
/** The original plan's task-creation limit, per user. */
export const TaskCreateThrottle = () => SetMetadata(THROTTLE_SCOPE, 'task-create' satisfies ThrottleScope);
/** Mails the signed-in user asks for (confirmation resent, address change), per user. */
export const AccountMailThrottle = () => SetMetadata(THROTTLE_SCOPE, 'account-mail' satisfies ThrottleScope);
