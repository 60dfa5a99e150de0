import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MingoCollection } from '@primetrade/testing';
import { ATTACHMENT_COUNTS } from '../attachments/attachment-count.filter';
import { EVENT_OUTBOX, OUTBOX_LEASE } from '../events/event-outbox.filter';
import { IDEMPOTENCY_COLLECTION } from '../idempotency/idempotency.schema';
import { NOTIFICATIONS_COLLECTION } from '../notifications/notification.schema';
import { OUTBOX_COLLECTION } from '../notifications/outbox.schema';
import { DAILY_DIGESTS_COLLECTION, USER_PREFERENCES_COLLECTION } from '../notifications/user-preferences.schema';
import { READ_MODEL_BUILDS, TASK_COUNTERS, TASK_DUE_COUNTERS } from '../tasks/task-counters.filter';
import { TASKS_ARCHIVE } from '../tasks/task-archive.schema';
import { accountErasure, ownerAttachmentKeysFilter } from './account-erasure.filter';

/** Every collection the MongoDB adapters name, read from their source: a new one must be considered here. */
function collectionsInSource(): Set<string> {
  const constants: Record<string, string> = {
    ATTACHMENT_COUNTS,
    EVENT_OUTBOX,
    OUTBOX_LEASE,
    IDEMPOTENCY_COLLECTION,
    NOTIFICATIONS_COLLECTION,
    OUTBOX_COLLECTION,
    USER_PREFERENCES_COLLECTION,
    DAILY_DIGESTS_COLLECTION,
    TASK_COUNTERS,
    TASK_DUE_COUNTERS,
    READ_MODEL_BUILDS,
    TASKS_ARCHIVE,
  };
  const names = new Set<string>();
  const root = join(__dirname, '..');
  for (const file of readdirSync(root, { recursive: true }).map(String)) {
    if (!file.endsWith('.ts') || file.endsWith('.spec.ts')) continue;
    const source = readFileSync(join(root, file), 'utf8');
    for (const [, ref] of source.matchAll(/collection(?::\s*|(?:<[^>]*>)?\(\s*)([A-Z_]+\b|'[^']+')/g)) {
      const name = ref!.startsWith("'") ? ref!.slice(1, -1) : constants[ref!];
      if (!name) throw new Error(`${file}: collection ${ref} is not known to this test`);
      names.add(name);
    }
  }
  return names;
}

/** One document of user `u` in each collection, shaped as the app writes it. */
const documentsOf = (u: string): Record<string, Record<string, unknown>[]> => ({
  tasks: [{ _id: `${u}-t1`, owner: u, title: 'x' }],
  task_counters: [{ _id: `${u}:todo:low`, owner: u, status: 'todo', priority: 'low', tasks: 1, completionMsSum: 0, completionCount: 0 }],
  task_due_counters: [{ _id: `${u}:9000`, owner: u, period: 9000, openTasks: 1 }],
  attachments: [{ _id: `${u}-a1`, owner: u, taskId: `${u}-t1` }],
  attachment_counts: [{ _id: `${u}:${u}-t1`, count: 1 }],
  notifications: [{ _id: `${u}-n1`, owner: u }],
  outbox: [{ _id: `task-due:${u}-t1`, owner: u, recipient: 'sealed' }],
  idempotency_keys: [{ _id: `${u}:key`, owner: u }],
  event_outbox: [{ _id: `${u}-e1`, ownerId: u, aggregateId: `${u}-t1` }],
  calendar_feeds: [{ _id: u, tokenHash: `${u}-h` }],
  webhooks: [{ _id: `${u}-w`, ownerId: u, url: 'https://example.com/hook' }],
  webhook_deliveries: [{ _id: `${u}-d`, ownerId: u, webhookId: `${u}-w` }],
  tasks_archive: [{ _id: `${u}-t0`, owner: u, title: 'archived' }],
  user_preferences: [{ _id: u, timeZone: 'Europe/Berlin', digestEnabled: true }],
  daily_digests: [{ _id: `${u} 2026-06-15`, userId: u, localDate: '2026-06-15' }],
  account_tokens: [{ _id: `${u}-k`, userId: u }],
  sessions: [{ _id: `${u}-s`, userId: u }],
  users: [{ _id: u }],
});

describe('MongoDB account erasure (executed with mingo)', () => {
  // Ids that sort next to each other, so a range or prefix that is too wide would show.
  const A = '0190a1b2-0000-7000-8000-00000000000a';
  const B = '0190a1b2-0000-7000-8000-00000000000b';

  it('removes every document of the user in every collection the app writes, and no one else’s', () => {
    const steps = accountErasure(A);
    expect(steps.map((s) => s.collection).sort()).toEqual(Object.keys(documentsOf(A)).sort());
    for (const step of steps) {
      const collection = new MingoCollection([...documentsOf(A)[step.collection]!, ...documentsOf(B)[step.collection]!]);
      collection.deleteMany(step.filter);
      expect(collection.docs).toEqual(documentsOf(B)[step.collection]);
    }
  });

  it('covers every collection the adapters write, but for the relay lease and the read-model builds, which hold nothing of a user', () => {
    const erased = new Set(accountErasure(A).map((s) => s.collection));
    expect([...collectionsInSource()].filter((name) => !erased.has(name)).sort()).toEqual([OUTBOX_LEASE, READ_MODEL_BUILDS].sort());
  });

  it('finds the storage keys of the user’s attachment files', () => {
    const attachments = new MingoCollection([...documentsOf(A)['attachments']!, ...documentsOf(B)['attachments']!]);
    expect(attachments.find(ownerAttachmentKeysFilter(A)).map((a) => a._id)).toEqual([`${A}-a1`]);
  });
});
