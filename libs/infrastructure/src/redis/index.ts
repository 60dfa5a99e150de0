// @primetrade/infrastructure/redis — messaging, cache and rate limits on Redis. Loaded only by the redis profile.
export * from './redis-messaging.module';
export * from './connection/redis-connection';
export * from './connection/redis-health';
export * from './throttling/resilient-throttler-storage';
