/** The BullMQ queue of webhook attempts (with Redis). */
export const WEBHOOKS_QUEUE = 'webhooks';
export const ATTEMPT_JOB = 'attempt';

/**
 * One job per delivery, attempt number and time (BullMQ ids may not hold a colon): scheduling the
 * same attempt for the same time again is the same job, while a delivery that waited for the one
 * before it (its first job found it blocked) is scheduled anew for the time its turn came.
 */
export const attemptJobId = (deliveryId: string, attempts: number, at: Date): string => `${deliveryId}-a${attempts}-t${at.getTime()}`;
