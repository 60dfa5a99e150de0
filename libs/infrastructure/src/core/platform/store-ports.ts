import { Mailer, TaskStatistics } from '@primetrade/domain';

/**
 * The statistics a store computes from its own rows. Every store module binds it; the messaging
 * module then binds the domain's TaskStatistics port once: straight to this (in-process) or to a
 * projection that falls back on it (Redis). No module re-binds a port another bound.
 */
export abstract class StoreTaskStatistics extends TaskStatistics {}

/** The store's own mail outbox; bound to the Mailer port when no SMTP server is configured. */
export abstract class OutboxMailer extends Mailer {}
