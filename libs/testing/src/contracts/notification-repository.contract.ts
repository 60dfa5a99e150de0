import { Notification, type NotificationRepository } from '@primetrade/domain';

const at = (iso: string) => new Date(iso);

const make = (over: Partial<{ id: string; ownerId: string; taskId: string; type: 'task-due' | 'task-overdue'; now: Date }> = {}) =>
  Notification.create({
    id: 'n1',
    ownerId: 'owner-1',
    taskId: 'task-1',
    type: 'task-due',
    taskTitle: 'Report',
    dueDate: at('2026-12-01T10:00:00Z'),
    now: at('2026-12-01T09:00:00Z'),
    ...over,
  });

/**
 * The behaviour every NotificationRepository adapter must show. `fresh` gives an empty store;
 * adapters whose store references tasks seed them in `fresh` as needed.
 */
export function notificationRepositoryContract(
  name: string,
  fresh: () => Promise<{ repo: NotificationRepository; close?: () => void }>,
): void {
  describe(`NotificationRepository contract: ${name}`, () => {
    let repo: NotificationRepository;
    let close: (() => void) | undefined;

    beforeEach(async () => {
      ({ repo, close } = await fresh());
    });
    afterEach(() => close?.());

    it('keeps one notification per task and type, returning the stored one on a repeat', async () => {
      const first = await repo.insertIfAbsent(make());
      const again = await repo.insertIfAbsent(make({ id: 'n2', now: at('2026-12-01T09:30:00Z') }));
      expect(again.id).toBe(first.id);
      expect(again.createdAt).toEqual(at('2026-12-01T09:00:00Z'));
      const other = await repo.insertIfAbsent(make({ id: 'n3', type: 'task-overdue' }));
      expect(other.id).toBe('n3');
      expect(await repo.countUnread('owner-1')).toBe(2);
    });

    it('never lets an older copy clear a time set meanwhile (a delivery finishing after the user read the notice)', async () => {
      const stored = await repo.insertIfAbsent(make());
      const delivery = (await repo.findById('owner-1', stored.id))!;
      const reader = (await repo.findById('owner-1', stored.id))!;
      reader.markRead(at('2026-12-01T10:00:00Z'));
      await repo.update(reader);
      delivery.markEmailed(at('2026-12-01T10:00:05Z'));
      await repo.update(delivery);
      const after = (await repo.findById('owner-1', stored.id))!;
      expect(after.readAt).toEqual(at('2026-12-01T10:00:00Z'));
      expect(after.emailedAt).toEqual(at('2026-12-01T10:00:05Z'));
      expect(await repo.countUnread('owner-1')).toBe(0);
    });

    it('saves read and e-mailed times, owner-scoped', async () => {
      const n = await repo.insertIfAbsent(make());
      expect(await repo.findById('someone-else', n.id)).toBeNull();
      n.markRead(at('2026-12-01T11:00:00Z'));
      n.markEmailed(at('2026-12-01T09:00:01Z'));
      await repo.update(n);
      const stored = await repo.findById('owner-1', n.id);
      expect(stored?.readAt).toEqual(at('2026-12-01T11:00:00Z'));
      expect(stored?.emailedAt).toEqual(at('2026-12-01T09:00:01Z'));
      expect(await repo.countUnread('owner-1')).toBe(0);
    });

    it('lists newest first, keyset paged, ties broken by id', async () => {
      const times = ['2026-12-01T09:00:00Z', '2026-12-01T10:00:00Z', '2026-12-01T10:00:00Z', '2026-12-01T11:00:00Z'];
      for (const [i, t] of times.entries()) await repo.insertIfAbsent(make({ id: `n${i}`, taskId: `task-${i}`, now: at(t) }));
      await repo.insertIfAbsent(make({ id: 'x', ownerId: 'owner-2', taskId: 'task-x' }));
      const page1 = await repo.list('owner-1', null, 2);
      expect(page1.map((n) => n.id)).toEqual(['n3', 'n2']);
      const last = page1[1] as Notification;
      const page2 = await repo.list('owner-1', { createdAt: last.createdAt.getTime(), id: last.id }, 10);
      expect(page2.map((n) => n.id)).toEqual(['n1', 'n0']);
    });
  });
}
