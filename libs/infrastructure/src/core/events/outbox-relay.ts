import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Clock } from '@primetrade/domain';
import type { EventOutbox } from './event-outbox';
import type { EventRelaySink } from './event-relay-sink';

export interface OutboxRelaySettings {
  /** How often the relay looks for events when nothing told it (other processes' writes, retries). */
  intervalMs: number;
  /** How long the relay lease lasts without renewal; another process takes over after it. */
  leaseMs: number;
  batchSize: number;
  /** How long relayed events are kept before they are pruned. */
  retainMs: number;
}

export const DEFAULT_OUTBOX_RELAY: OutboxRelaySettings = { intervalMs: 200, leaseMs: 10_000, batchSize: 200, retainMs: 3_600_000 };

/** Rounds of one drain: bounded, so a flood of events never starves the event loop of a tick. */
const MAX_ROUNDS = 50;
const PRUNE_EVERY_MS = 60_000;

/**
 * Hands the outbox on to the sink, oldest first, at least once: deliver a batch, then mark it
 * relayed (a crash in between delivers it again; consumers dedupe on the event id). Runs in every
 * process; a lease in the store lets one relay at a time, so the order holds across replicas,
 * and a dead holder's lease runs out and another process takes over. Woken by this process's
 * own writes and by a timer for everyone else's.
 */
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private timer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private again = false;
  private stopped = false;
  private lastPrune = 0;
  private lastFailure = '';

  constructor(
    private readonly outbox: EventOutbox,
    private readonly sink: EventRelaySink,
    private readonly clock: Clock,
    private readonly settings: OutboxRelaySettings = DEFAULT_OUTBOX_RELAY,
  ) {}

  onApplicationBootstrap(): void {
    this.outbox.onAppended(() => this.kick());
    this.timer = setInterval(() => this.kick(), this.settings.intervalMs);
    this.timer.unref();
    this.kick();
  }

  /** Starts a drain unless one runs (then it runs once more when done). */
  kick(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drainLoop().finally(() => {
      this.draining = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Relays everything pending now (tests, shutdown); resolves when done or the lease is elsewhere. */
  async flush(): Promise<void> {
    if (this.draining) await this.draining;
    await this.drainLoop();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.draining) await this.draining;
    await this.outbox.releaseLease(this.holder).catch(() => undefined);
  }

  private async drainLoop(): Promise<void> {
    try {
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const now = this.clock.now();
        if (!(await this.outbox.acquireLease(this.holder, now, new Date(now.getTime() + this.settings.leaseMs)))) return;
        const batch = await this.outbox.pending(this.settings.batchSize);
        if (batch.length > 0) {
          await this.sink.deliver(batch);
          await this.outbox.markRelayed(
            batch.map((e) => e.id),
            this.clock.now(),
          );
        }
        if (batch.length < this.settings.batchSize) break;
      }
      await this.pruneNowAndThen();
      if (this.lastFailure) this.logger.log('relaying events again');
      this.lastFailure = '';
    } catch (error) {
      // Redis down, store busy: the events stay pending and the next tick tries again.
      const message = (error as Error).message;
      if (message !== this.lastFailure) this.logger.warn(`events wait in the outbox: ${message}`);
      this.lastFailure = message;
    }
  }

  private async pruneNowAndThen(): Promise<void> {
    const now = this.clock.now().getTime();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    await this.outbox.prune(new Date(now - this.settings.retainMs));
  }
}
