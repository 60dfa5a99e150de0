import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Logger } from '@nestjs/common';
import type { Clock } from '@primetrade/domain';
import type { EventOutbox } from './event-outbox';
import type { EventRelaySink } from './event-relay-sink';
import { PollingLoop } from '../scheduling/polling-loop';

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
export class OutboxRelay extends PollingLoop {
  readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  protected readonly waiting = 'events wait in the outbox';
  /** Until when this process holds the lease as far as it knows (epoch ms); 0 when it does not. */
  private heldUntil = 0;

  constructor(
    private readonly outbox: EventOutbox,
    private readonly sink: EventRelaySink,
    private readonly clock: Clock,
    private readonly settings: OutboxRelaySettings = DEFAULT_OUTBOX_RELAY,
  ) {
    super(new Logger('OutboxRelay'), { intervalMs: settings.intervalMs, pruneEveryMs: PRUNE_EVERY_MS });
  }

  override onApplicationBootstrap(): void {
    this.outbox.onAppended(() => this.kick());
    super.onApplicationBootstrap();
  }

  override async onApplicationShutdown(): Promise<void> {
    await super.onApplicationShutdown();
    this.heldUntil = 0;
    await this.outbox.releaseLease(this.holder).catch(() => undefined);
  }

  protected async drainOnce(): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      if (!(await this.holdLease())) return;
      const batch = await this.outbox.pending(this.settings.batchSize);
      if (batch.length > 0) {
        await this.sink.deliver(batch);
        await this.outbox.markRelayed(
          batch.map((e) => e.id),
          this.clock.now(),
        );
      }
      if (batch.length < this.settings.batchSize) return;
    }
  }

  /**
   * Takes or renews the lease, but writes only once half of it has run: a busy relay drains many
   * times a second and would otherwise pay a write transaction per drain for it.
   */
  private async holdLease(): Promise<boolean> {
    const now = this.clock.now().getTime();
    if (now < this.heldUntil - this.settings.leaseMs / 2) return true;
    const until = now + this.settings.leaseMs;
    const held = await this.outbox.acquireLease(this.holder, new Date(now), new Date(until));
    this.heldUntil = held ? until : 0;
    return held;
  }

  protected async prune(now: number): Promise<void> {
    await this.outbox.prune(new Date(now - this.settings.retainMs));
  }

  protected now(): number {
    return this.clock.now().getTime();
  }
}
