/**
 * Versioned schema migrations, applied in order at start-up, each in its own transaction.
 * Append new ones; never edit one that has shipped.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'users-sessions-tasks',
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        email TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        is_active INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX users_email_uq ON users (email);
      CREATE INDEX users_active_created ON users (is_active, created_at DESC);

      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        family_id TEXT NOT NULL,
        token_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        rotated_at INTEGER,
        revoked_at INTEGER
      ) STRICT;
      CREATE UNIQUE INDEX sessions_token_hash_uq ON sessions (token_hash);
      CREATE INDEX sessions_family ON sessions (family_id);
      CREATE INDEX sessions_expires ON sessions (expires_at);

      CREATE TABLE tasks (
        id TEXT PRIMARY KEY,
        owner_id TEXT NOT NULL,
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL,
        priority TEXT NOT NULL,
        priority_rank INTEGER NOT NULL,
        due_at INTEGER,
        tags TEXT NOT NULL DEFAULT '[]',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        completed_at INTEGER,
        version INTEGER NOT NULL
      ) STRICT;
      -- The original plan's MongoDB indexes, owner first.
      CREATE INDEX tasks_owner_status_created ON tasks (owner_id, status, created_at DESC);
      CREATE INDEX tasks_owner_due ON tasks (owner_id, due_at);
      CREATE INDEX tasks_owner_priority ON tasks (owner_id, priority_rank);
      -- Keyset paging on the two time sorts walks these in either direction.
      CREATE INDEX tasks_owner_created_id ON tasks (owner_id, created_at, id);
      CREATE INDEX tasks_owner_updated_id ON tasks (owner_id, updated_at, id);

      -- Tags in their own table so the tag filter is an index look-up, not a JSON scan.
      CREATE TABLE task_tags (
        task_id TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
        owner_id TEXT NOT NULL,
        tag TEXT NOT NULL,
        PRIMARY KEY (task_id, tag)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX task_tags_owner_tag ON task_tags (owner_id, tag);
    `,
  },
  {
    version: 2,
    name: 'notifications-mail-outbox',
    sql: `
      -- One notification per (task, type): the unique index is the idempotency rule.
      CREATE TABLE notifications (
        id TEXT PRIMARY KEY,
        owner_id TEXT NOT NULL,
        task_id TEXT NOT NULL,
        type TEXT NOT NULL,
        task_title TEXT NOT NULL,
        due_at INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        read_at INTEGER,
        emailed_at INTEGER
      ) STRICT;
      CREATE UNIQUE INDEX notifications_task_type_uq ON notifications (task_id, type);
      CREATE INDEX notifications_owner_created_id ON notifications (owner_id, created_at DESC, id DESC);
      CREATE INDEX notifications_owner_unread ON notifications (owner_id) WHERE read_at IS NULL;
      -- The due-task scan walks open tasks by due date across owners.
      CREATE INDEX tasks_due_open ON tasks (due_at) WHERE status IN ('todo', 'in_progress') AND due_at IS NOT NULL;

      -- The default mailer: messages are stored here instead of sent.
      CREATE TABLE mail_outbox (
        idempotency_key TEXT PRIMARY KEY,
        recipient TEXT NOT NULL,
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 3,
    name: 'attachments',
    sql: `
      -- Metadata of task attachments; the content is in FileStorage under the id. No foreign key
      -- to tasks on purpose: a deleted task's rows are removed with their files by the TaskDeleted handler.
      CREATE TABLE attachments (
        id TEXT PRIMARY KEY,
        task_id TEXT NOT NULL,
        owner_id TEXT NOT NULL,
        file_name TEXT NOT NULL,
        content_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX attachments_owner_task_created ON attachments (owner_id, task_id, created_at, id);
    `,
  },
  {
    version: 4,
    name: 'users-encrypted-email-name',
    sql: `
      -- Email and name become AES-256-GCM sealed values (base64); look-ups and uniqueness move to
      -- a blind index, HMAC-SHA-256 of the normalised email under BLIND_INDEX_KEY. Existing rows are
      -- sealed at start-up by SqliteUserRepository (it needs the keys, SQL cannot): a row whose
      -- email_index is NULL is still plaintext.
      ALTER TABLE users ADD COLUMN email_index TEXT;
      CREATE UNIQUE INDEX users_email_index_uq ON users (email_index);
      DROP INDEX users_email_uq;
    `,
  },
  {
    version: 5,
    name: 'tasks-sealed-content',
    sql: `
      -- ENCRYPT_TASK_CONTENT: 1 when title and description hold AES-256-GCM sealed values (base64),
      -- 0 when plaintext. A marker of its own, not a guess from the value: any title is possible.
      ALTER TABLE tasks ADD COLUMN content_sealed INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 6,
    name: 'notifications-outbox-sealed',
    sql: `
      -- The notification's copied task title and the outbox's recipient, subject and body become
      -- AES-256-GCM sealed values (base64). 0 marks a row written before: SqliteNotificationRepository
      -- and SqliteOutboxMailer seal those when they start (they hold the keys, SQL does not).
      ALTER TABLE notifications ADD COLUMN sealed INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE mail_outbox ADD COLUMN sealed INTEGER NOT NULL DEFAULT 0;
    `,
  },
];
