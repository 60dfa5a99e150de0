import { createTestContext, InMemoryCalendarFeedRepository, type TestContext } from '@primetrade/testing';
import { Task } from '../../tasks';
import { CalendarFeedNotFoundError } from '../model/calendar-feed.errors';
import { IssueCalendarFeedHandler } from './commands/issue-calendar-feed/issue-calendar-feed.handler';
import { IssueCalendarFeedCommand } from './commands/issue-calendar-feed/issue-calendar-feed.command';
import { RevokeCalendarFeedCommand } from './commands/revoke-calendar-feed/revoke-calendar-feed.command';
import { RevokeCalendarFeedHandler } from './commands/revoke-calendar-feed/revoke-calendar-feed.handler';
import { CALENDAR_FEED_MAX_ENTRIES, GetCalendarFeedHandler } from './queries/get-calendar-feed/get-calendar-feed.handler';
import { GetCalendarFeedQuery } from './queries/get-calendar-feed/get-calendar-feed.query';

const HOUR = 3_600_000;

describe('calendar feed use cases', () => {
  let ctx: TestContext;
  let feeds: InMemoryCalendarFeedRepository;
  let issue: IssueCalendarFeedHandler;
  let revoke: RevokeCalendarFeedHandler;
  let get: GetCalendarFeedHandler;

  const addTask = async (ownerId: string, id: string, props: { dueInHours?: number; done?: boolean } = {}) => {
    const now = ctx.clock.now();
    const task = Task.create({
      id,
      ownerId,
      title: `Task ${id}`,
      dueDate: props.dueInHours === undefined ? undefined : new Date(now.getTime() + props.dueInHours * HOUR),
      now,
    });
    if (props.done) task.complete(now);
    await ctx.tasks.insert(task);
  };

  beforeEach(() => {
    ctx = createTestContext();
    feeds = new InMemoryCalendarFeedRepository();
    issue = new IssueCalendarFeedHandler(feeds, ctx.tokens, ctx.clock);
    revoke = new RevokeCalendarFeedHandler(feeds);
    get = new GetCalendarFeedHandler(feeds, ctx.tokens, ctx.readModel, ctx.clock);
  });

  it("lists the owner's open tasks with a due date, earliest first, and nothing else", async () => {
    await addTask('u1', 'later', { dueInHours: 48 });
    await addTask('u1', 'overdue', { dueInHours: -2 });
    await addTask('u1', 'no-due');
    await addTask('u1', 'done', { dueInHours: 1, done: true });
    await addTask('u2', 'not-mine', { dueInHours: 1 });
    const { token } = await issue.execute(new IssueCalendarFeedCommand('u1'));

    const feed = await get.execute(new GetCalendarFeedQuery(token));

    expect(feed.tasks.map((t) => t.id)).toEqual(['overdue', 'later']);
  });

  it('stores only the hash of the token, and regenerating retires the old address', async () => {
    const first = await issue.execute(new IssueCalendarFeedCommand('u1'));
    expect(await feeds.findOwner(first.token)).toBeNull();
    const second = await issue.execute(new IssueCalendarFeedCommand('u1'));
    expect(second.token).not.toBe(first.token);
    await expect(get.execute(new GetCalendarFeedQuery(first.token))).rejects.toBeInstanceOf(CalendarFeedNotFoundError);
    await expect(get.execute(new GetCalendarFeedQuery(second.token))).resolves.toEqual({ tasks: [] });
  });

  it('revokes the feed; revoking again or reading it is not found', async () => {
    const { token } = await issue.execute(new IssueCalendarFeedCommand('u1'));
    await revoke.execute(new RevokeCalendarFeedCommand('u1'));
    await expect(get.execute(new GetCalendarFeedQuery(token))).rejects.toBeInstanceOf(CalendarFeedNotFoundError);
    await expect(revoke.execute(new RevokeCalendarFeedCommand('u1'))).rejects.toBeInstanceOf(CalendarFeedNotFoundError);
  });

  it('pages through the read model up to the cap', async () => {
    for (let i = 0; i < 450; i++) await addTask('u1', `t${String(i).padStart(4, '0')}`, { dueInHours: i + 1 });
    const { token } = await issue.execute(new IssueCalendarFeedCommand('u1'));
    const feed = await get.execute(new GetCalendarFeedQuery(token));
    expect(feed.tasks).toHaveLength(450);
    expect(feed.tasks[0].id).toBe('t0000');
    expect(feed.tasks[449].id).toBe('t0449');
    expect(CALENDAR_FEED_MAX_ENTRIES).toBeGreaterThan(450);
  });
});
