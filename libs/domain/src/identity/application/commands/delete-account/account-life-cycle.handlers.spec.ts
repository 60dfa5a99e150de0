import {
  createTestContext,
  InMemoryAccountEraser,
  InMemoryAttachmentRepository,
  InMemoryFileStorage,
  InMemoryNotificationRepository,
  InMemoryUserPreferencesRepository,
  type TestContext,
} from '@primetrade/testing';
import { Attachment } from '../../../../attachments';
import { Notification, UserPreferences } from '../../../../notifications';
import { Task } from '../../../../tasks';
import { UserNotFoundError, WrongPasswordError } from '../../../model/identity.errors';
import { Session } from '../../../model/session.entity';
import { User } from '../../../model/user.entity';
import { ExportAccountHandler } from '../../queries/export-account/export-account.handler';
import { ExportAccountQuery } from '../../queries/export-account/export-account.query';
import { DeleteAccountCommand } from './delete-account.command';
import { DeleteAccountHandler } from './delete-account.handler';

const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};

describe('take my data and leave', () => {
  let ctx: TestContext;
  let attachments: InMemoryAttachmentRepository;
  let files: InMemoryFileStorage;
  let notifications: InMemoryNotificationRepository;
  let preferences: InMemoryUserPreferencesRepository;
  let remove: DeleteAccountHandler;
  let exportAccount: ExportAccountHandler;

  const seed = async (userId: string, email: string) => {
    const now = ctx.clock.now();
    await ctx.users.create(User.register({ id: userId, name: 'Ada', email, passwordHash: await ctx.hasher.hash('pw'), now }));
    await ctx.sessions.create(
      Session.start({ id: `${userId}-s`, userId, familyId: `${userId}-s`, tokenHash: `${userId}-h`, now, ttlMs: 3_600_000 }),
    );
    for (const i of [1, 2])
      await ctx.tasks.insert(Task.create({ id: `${userId}-t${i}`, ownerId: userId, title: `Task ${i} of ${userId}`, now }));
    await attachments.insertWithinLimit(
      Attachment.create(
        {
          id: `${userId}-a1`,
          taskId: `${userId}-t1`,
          ownerId: userId,
          fileName: 'notes.txt',
          contentType: 'text/plain; charset=utf-8',
          size: 5,
        },
        now,
      ),
      10,
    );
    await files.write(
      `${userId}-a1`,
      (async function* () {
        yield Buffer.from(`hello ${userId}`);
      })(),
    );
    await notifications.insertIfAbsent(
      Notification.create({
        id: `${userId}-n1`,
        ownerId: userId,
        taskId: `${userId}-t1`,
        type: 'task-due',
        taskTitle: 'Task 1',
        dueDate: now,
        now,
      }),
    );
  };

  beforeEach(async () => {
    ctx = createTestContext();
    attachments = new InMemoryAttachmentRepository();
    files = new InMemoryFileStorage();
    notifications = new InMemoryNotificationRepository();
    preferences = new InMemoryUserPreferencesRepository();
    remove = new DeleteAccountHandler(ctx.users, ctx.hasher, new InMemoryAccountEraser(ctx.store, attachments, preferences), files);
    exportAccount = new ExportAccountHandler(
      ctx.users,
      ctx.sessions,
      ctx.readModel,
      notifications,
      attachments,
      files,
      ctx.clock,
      preferences,
    );
    await seed('u1', 'ada@example.com');
    const saved = UserPreferences.defaults('u1');
    saved.change({ timeZone: 'Europe/Berlin', digestEnabled: true }, ctx.clock.now());
    await preferences.save(saved);
    await preferences.claimDigest('u1', '2026-06-15', ctx.clock.now());
    await seed('u2', 'bob@example.com');
  });

  it('exports the profile, live sessions, every task, notification and attachment (with its bytes), and only the user’s', async () => {
    const archive = await exportAccount.execute(new ExportAccountQuery('u1'));
    expect(archive.user).toMatchObject({ id: 'u1', email: 'ada@example.com', emailConfirmed: false });
    expect(archive.sessions.map((s) => s.id)).toEqual(['u1-s']);
    expect(archive.preferences).toMatchObject({ timeZone: 'Europe/Berlin', digest: { enabled: true, hour: 7 } });
    expect((await exportAccount.execute(new ExportAccountQuery('u2'))).preferences).toMatchObject({ timeZone: 'UTC', updatedAt: null });
    expect((await collect(archive.tasks)).map((t) => t.id).sort()).toEqual(['u1-t1', 'u1-t2']);
    expect((await collect(archive.notifications)).map((n) => n.id)).toEqual(['u1-n1']);
    expect(archive.attachments.map((a) => a.id)).toEqual(['u1-a1']);
    const bytes = await collect((await archive.attachments[0]!.content())!);
    expect(Buffer.concat(bytes).toString()).toBe('hello u1');
  });

  it('deletes the account with the password: rows and files gone, the other user untouched', async () => {
    await remove.execute(new DeleteAccountCommand('u1', 'pw'));
    expect(await ctx.users.findById('u1')).toBeNull();
    expect([...ctx.store.tasks.keys()].sort()).toEqual(['u2-t1', 'u2-t2']);
    expect([...ctx.store.sessions.keys()]).toEqual(['u2-s']);
    expect([...attachments.rows.keys()]).toEqual(['u2-a1']);
    expect([...files.files.keys()]).toEqual(['u2-a1']);
    expect(await preferences.find('u1')).toBeNull();
    expect(preferences.digests.size).toBe(0);
    await expect(exportAccount.execute(new ExportAccountQuery('u1'))).rejects.toBeInstanceOf(UserNotFoundError);
  });

  it('refuses a wrong password and deletes nothing', async () => {
    await expect(remove.execute(new DeleteAccountCommand('u1', 'wrong'))).rejects.toBeInstanceOf(WrongPasswordError);
    expect(await ctx.users.findById('u1')).not.toBeNull();
    expect(files.files.size).toBe(2);
  });
});
