import { createTestContext, InMemoryTaskActivityReadModel, type TestContext } from '@primetrade/testing';
import { DomainValidationError } from '../../../../shared/model/domain.errors';
import { CompleteTaskCommand } from '../../commands/complete-task/complete-task.command';
import { CompleteTaskHandler } from '../../commands/complete-task/complete-task.handler';
import { CreateTaskCommand } from '../../commands/create-task/create-task.command';
import { CreateTaskHandler } from '../../commands/create-task/create-task.handler';
import { timelineCalendar } from '../../task-timeline';
import { GetTaskTimelineHandler } from './get-task-timeline.handler';
import { GetTaskTimelineQuery } from './get-task-timeline.query';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('GetTaskTimelineHandler', () => {
  let ctx: TestContext;
  let handler: GetTaskTimelineHandler;
  beforeEach(() => {
    ctx = createTestContext();
    ctx.clock.set(new Date('2026-03-29T10:00:00Z')); // a Sunday: Paris moves to summer time at 02:00
    handler = new GetTaskTimelineHandler(new InMemoryTaskActivityReadModel(ctx.store), ctx.clock);
  });

  /** Creates a task at `at` and, when given, completes it at `doneAt`. */
  async function task(at: string, doneAt?: string, owner = 'o1'): Promise<void> {
    const now = ctx.clock.now();
    ctx.clock.set(new Date(at));
    const created = await new CreateTaskHandler(ctx.tasks, ctx.ids, ctx.rules, ctx.clock, ctx.events).execute(
      new CreateTaskCommand(owner, { title: `Task at ${at}` }),
    );
    if (doneAt) {
      ctx.clock.set(new Date(doneAt));
      await new CompleteTaskHandler(ctx.tasks, ctx.unitOfWork, ctx.rules, ctx.ids, ctx.clock, ctx.events).execute(
        new CompleteTaskCommand(owner, created.id),
      );
    }
    ctx.clock.set(now);
  }

  it('counts creations and completions per calendar day of the zone, oldest first, ending today', async () => {
    await task('2026-03-27T22:30:00Z', '2026-03-28T08:00:00Z'); // Paris: created the 27th 23:30, done the 28th
    await task('2026-03-27T23:30:00Z'); // Paris: 28th 00:30
    await task('2026-03-28T23:30:00Z', '2026-03-29T09:00:00Z'); // Paris: 29th 01:30 (still winter time)
    await task('2026-03-29T09:00:00Z', undefined, 'o2'); // someone else's
    const timeline = await handler.execute(new GetTaskTimelineQuery('o1', 3, 'Europe/Paris'));
    expect(timeline).toEqual({
      timeZone: 'Europe/Paris',
      days: [
        { date: '2026-03-27', created: 1, completed: 0 },
        { date: '2026-03-28', created: 1, completed: 1 },
        { date: '2026-03-29', created: 1, completed: 1 },
      ],
      currentStreak: 2,
    });
    // The same tasks by UTC days.
    const utc = await handler.execute(new GetTaskTimelineQuery('o1', 3, 'UTC'));
    expect(utc.days).toEqual([
      { date: '2026-03-27', created: 2, completed: 0 },
      { date: '2026-03-28', created: 1, completed: 1 },
      { date: '2026-03-29', created: 0, completed: 1 },
    ]);
  });

  it('keeps a streak alive through today until the day ends, and follows it past the window', async () => {
    // One completion a day for 40 days, up to yesterday.
    for (let d = 40; d >= 1; d--) {
      const at = new Date(ctx.clock.now().getTime() - d * DAY).toISOString();
      await task(at, at);
    }
    const timeline = await handler.execute(new GetTaskTimelineQuery('o1', 7, 'UTC'));
    expect(timeline.days.at(-1)).toEqual({ date: '2026-03-29', created: 0, completed: 0 });
    expect(timeline.currentStreak).toBe(40);
    expect((await handler.execute(new GetTaskTimelineQuery('o1', 1, 'UTC'))).currentStreak).toBe(40);
    // A day without completion (the day before yesterday) breaks it.
    ctx.clock.advance(2 * DAY);
    expect((await handler.execute(new GetTaskTimelineQuery('o1', 30, 'UTC'))).currentStreak).toBe(0);
  });

  it('finds where a long streak begins: after the latest day without completion', async () => {
    // Completions on each of the last 100 days but the 60th before today, at varying hours.
    for (let d = 100; d >= 0; d--) {
      if (d === 60) continue;
      const at = new Date(Date.UTC(2026, 2, 29 - d, d === 0 ? 1 : (d * 7) % 24)).toISOString();
      await task(at, at);
    }
    for (const days of [1, 7, 30, 59, 60, 61, 365]) {
      expect((await handler.execute(new GetTaskTimelineQuery('o1', days, 'UTC'))).currentStreak).toBe(60);
    }
  });

  it('gives every day of the window, zeros included, and no streak to a new owner', async () => {
    const timeline = await handler.execute(new GetTaskTimelineQuery('o1', 30, 'America/New_York'));
    expect(timeline.days).toHaveLength(30);
    expect(timeline.days[29].date).toBe('2026-03-29');
    expect(timeline.days[0].date).toBe('2026-02-28');
    expect(timeline.days.every((d) => d.created === 0 && d.completed === 0)).toBe(true);
    expect(timeline.currentStreak).toBe(0);
  });

  it('refuses an unknown zone and a day count outside 1..365, and spells the zone canonically', async () => {
    await expect(handler.execute(new GetTaskTimelineQuery('o1', 30, 'Mars/Olympus'))).rejects.toBeInstanceOf(DomainValidationError);
    await expect(handler.execute(new GetTaskTimelineQuery('o1', 0, 'UTC'))).rejects.toBeInstanceOf(DomainValidationError);
    await expect(handler.execute(new GetTaskTimelineQuery('o1', 366, 'UTC'))).rejects.toBeInstanceOf(DomainValidationError);
    await expect(handler.execute(new GetTaskTimelineQuery('o1', 2.5, 'UTC'))).rejects.toBeInstanceOf(DomainValidationError);
    expect((await handler.execute(new GetTaskTimelineQuery('o1', 365, 'europe/paris'))).timeZone).toBe('Europe/Paris');
  });
});

describe('timelineCalendar', () => {
  it('starts each day at local midnight, with 23- and 25-hour days at the clock changes', () => {
    const spring = timelineCalendar(new Date('2026-03-30T12:00:00Z'), 3, 'Europe/Paris');
    expect(spring.dates).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    expect(spring.boundaries.map((b) => b.toISOString())).toEqual([
      '2026-03-27T23:00:00.000Z',
      '2026-03-28T23:00:00.000Z',
      '2026-03-29T22:00:00.000Z',
      '2026-03-30T22:00:00.000Z',
    ]);
    const autumn = timelineCalendar(new Date('2026-10-25T12:00:00Z'), 2, 'Europe/Paris');
    expect(autumn.boundaries.map((b) => b.toISOString())).toEqual([
      '2026-10-23T22:00:00.000Z',
      '2026-10-24T22:00:00.000Z',
      '2026-10-25T23:00:00.000Z',
    ]);
  });

  it('starts the day at the first instant when the clocks skip midnight', () => {
    // Santiago moves from -04 to -03 at 00:00 on 2026-09-06: that day begins at 01:00 local (04:00Z).
    const skipped = timelineCalendar(new Date('2026-09-06T15:00:00Z'), 1, 'America/Santiago');
    expect(skipped.dates).toEqual(['2026-09-06']);
    expect(skipped.boundaries[0].toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });
});
