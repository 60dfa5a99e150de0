/**
 * Versioned schema migrations, applied in order at start-up, each in its own transaction.
 * Append new ones; never edit one that has shipped.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Migration 23's triggers: any insert, update or delete of `table`'s rows moves their owners' list version. */
const listVersionTriggers = (table: string): string => `
      CREATE TRIGGER ${table}_list_version_insert AFTER INSERT ON ${table} BEGIN
        INSERT INTO task_list_versions VALUES (new.owner_id, 1) ON CONFLICT DO UPDATE SET version = version + 1;
      END;
      CREATE TRIGGER ${table}_list_version_delete AFTER DELETE ON ${table} BEGIN
        INSERT INTO task_list_versions VALUES (old.owner_id, 1) ON CONFLICT DO UPDATE SET version = version + 1;
      END;
      CREATE TRIGGER ${table}_list_version_update AFTER UPDATE ON ${table} BEGIN
        INSERT INTO task_list_versions VALUES (new.owner_id, 1) ON CONFLICT DO UPDATE SET version = version + 1;
        UPDATE task_list_versions SET version = version + 1 WHERE owner_id = old.owner_id AND old.owner_id IS NOT new.owner_id;
      END;`;

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
  {
    version: 7,
    name: 'tasks-keyset-indexes-search-counters',
    sql: `
      -- Every list walks one index in its sort order, ending in id (the keyset tie-breaker), both
      -- orders by walking it backwards; filters are checked on the walk, so a page costs about
      -- limit / (share of matching rows) index entries whatever the owner's task count.
      -- Due date with no due date last: a generated sort key (a column, not an expression index, so
      -- the row-value cursor condition (due_sort, id) > (?, ?) seeks in it).
      ALTER TABLE tasks ADD COLUMN due_sort INTEGER GENERATED ALWAYS AS (COALESCE(due_at, 9007199254740991)) VIRTUAL;
      CREATE INDEX tasks_owner_due_sort_id ON tasks (owner_id, due_sort, id);
      CREATE INDEX tasks_owner_rank_id ON tasks (owner_id, priority_rank, id);
      DROP INDEX tasks_owner_priority;
      -- Status tabs (one status, newest first) walk only that status's entries.
      CREATE INDEX tasks_owner_status_created_id ON tasks (owner_id, status, created_at, id);
      DROP INDEX tasks_owner_status_created;
      -- Overdue and due-soon counts of the statistics: a range of open tasks by due date.
      CREATE INDEX tasks_open_owner_due ON tasks (owner_id, due_at) WHERE status IN ('todo', 'in_progress') AND due_at IS NOT NULL;
      -- The timeline: completions of one owner by time.
      CREATE INDEX tasks_owner_completed ON tasks (owner_id, completed_at) WHERE completed_at IS NOT NULL;
      -- Whether an owner has sealed rows (ENCRYPT_TASK_CONTENT), which full-text search cannot see.
      CREATE INDEX tasks_owner_sealed ON tasks (owner_id) WHERE content_sealed = 1;

      -- q: substring search through trigrams. External content (the text stays in tasks only), kept
      -- in step by triggers in the writing transaction; sealed rows are not indexed (their text is
      -- ciphertext) and are searched by decrypt-and-filter instead. The read model still checks
      -- the exact match (unicode_lower + instr) on each hit, so results do not change.
      CREATE VIRTUAL TABLE tasks_fts USING fts5(title, description, content = 'tasks', content_rowid = 'rowid', tokenize = 'trigram');
      INSERT INTO tasks_fts (rowid, title, description) SELECT rowid, title, description FROM tasks WHERE content_sealed = 0;
      CREATE TRIGGER tasks_fts_insert AFTER INSERT ON tasks WHEN new.content_sealed = 0 BEGIN
        INSERT INTO tasks_fts (rowid, title, description) VALUES (new.rowid, new.title, new.description);
      END;
      CREATE TRIGGER tasks_fts_delete AFTER DELETE ON tasks WHEN old.content_sealed = 0 BEGIN
        INSERT INTO tasks_fts (tasks_fts, rowid, title, description) VALUES ('delete', old.rowid, old.title, old.description);
      END;
      -- One trigger for both halves of an update: the old text must leave before the new arrives
      -- (two triggers would fire in an order SQLite does not promise). Unchanged text is left alone.
      CREATE TRIGGER tasks_fts_update AFTER UPDATE OF title, description, content_sealed ON tasks
      WHEN old.title IS NOT new.title OR old.description IS NOT new.description OR old.content_sealed IS NOT new.content_sealed BEGIN
        INSERT INTO tasks_fts (tasks_fts, rowid, title, description)
          SELECT 'delete', old.rowid, old.title, old.description WHERE old.content_sealed = 0;
        INSERT INTO tasks_fts (rowid, title, description)
          SELECT new.rowid, new.title, new.description WHERE new.content_sealed = 0;
      END;

      -- The statistics read model: per owner, status and priority, the task count and the sum and
      -- count of completion times, kept by triggers in the transaction of every write.
      CREATE TABLE task_counters (
        owner_id TEXT NOT NULL,
        status TEXT NOT NULL,
        priority TEXT NOT NULL,
        tasks INTEGER NOT NULL,
        completion_ms_sum INTEGER NOT NULL,
        completion_count INTEGER NOT NULL,
        PRIMARY KEY (owner_id, status, priority)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO task_counters
        SELECT owner_id, status, priority, COUNT(*),
          IFNULL(SUM(CASE WHEN status = 'completed' THEN completed_at - created_at END), 0),
          COUNT(CASE WHEN status = 'completed' THEN completed_at END)
        FROM tasks GROUP BY owner_id, status, priority;
      CREATE TRIGGER task_counters_insert AFTER INSERT ON tasks BEGIN
        INSERT INTO task_counters VALUES (new.owner_id, new.status, new.priority, 1,
          IFNULL(CASE WHEN new.status = 'completed' THEN new.completed_at - new.created_at END, 0),
          new.status = 'completed' AND new.completed_at IS NOT NULL)
        ON CONFLICT DO UPDATE SET tasks = tasks + 1,
          completion_ms_sum = completion_ms_sum + excluded.completion_ms_sum,
          completion_count = completion_count + excluded.completion_count;
      END;
      CREATE TRIGGER task_counters_delete AFTER DELETE ON tasks BEGIN
        UPDATE task_counters SET tasks = tasks - 1,
          completion_ms_sum = completion_ms_sum - IFNULL(CASE WHEN old.status = 'completed' THEN old.completed_at - old.created_at END, 0),
          completion_count = completion_count - (old.status = 'completed' AND old.completed_at IS NOT NULL)
        WHERE owner_id = old.owner_id AND status = old.status AND priority = old.priority;
      END;
      CREATE TRIGGER task_counters_update AFTER UPDATE OF owner_id, status, priority, created_at, completed_at ON tasks BEGIN
        UPDATE task_counters SET tasks = tasks - 1,
          completion_ms_sum = completion_ms_sum - IFNULL(CASE WHEN old.status = 'completed' THEN old.completed_at - old.created_at END, 0),
          completion_count = completion_count - (old.status = 'completed' AND old.completed_at IS NOT NULL)
        WHERE owner_id = old.owner_id AND status = old.status AND priority = old.priority;
        INSERT INTO task_counters VALUES (new.owner_id, new.status, new.priority, 1,
          IFNULL(CASE WHEN new.status = 'completed' THEN new.completed_at - new.created_at END, 0),
          new.status = 'completed' AND new.completed_at IS NOT NULL)
        ON CONFLICT DO UPDATE SET tasks = tasks + 1,
          completion_ms_sum = completion_ms_sum + excluded.completion_ms_sum,
          completion_count = completion_count + excluded.completion_count;
      END;

      -- Open tasks with a due date, counted per owner and due period (2^31 ms, about 25 days), so the
      -- overdue count sums the periods already over and counts only the current one's rows.
      CREATE TABLE task_due_counters (
        owner_id TEXT NOT NULL,
        period INTEGER NOT NULL,
        open_tasks INTEGER NOT NULL,
        PRIMARY KEY (owner_id, period)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO task_due_counters
        SELECT owner_id, due_at >> 31, COUNT(*) FROM tasks
        WHERE status IN ('todo', 'in_progress') AND due_at IS NOT NULL GROUP BY owner_id, due_at >> 31;
      CREATE TRIGGER task_due_counters_insert AFTER INSERT ON tasks
      WHEN new.status IN ('todo', 'in_progress') AND new.due_at IS NOT NULL BEGIN
        INSERT INTO task_due_counters VALUES (new.owner_id, new.due_at >> 31, 1)
        ON CONFLICT DO UPDATE SET open_tasks = open_tasks + 1;
      END;
      CREATE TRIGGER task_due_counters_delete AFTER DELETE ON tasks
      WHEN old.status IN ('todo', 'in_progress') AND old.due_at IS NOT NULL BEGIN
        UPDATE task_due_counters SET open_tasks = open_tasks - 1 WHERE owner_id = old.owner_id AND period = old.due_at >> 31;
      END;
      CREATE TRIGGER task_due_counters_update AFTER UPDATE OF owner_id, status, due_at ON tasks BEGIN
        UPDATE task_due_counters SET open_tasks = open_tasks - 1
        WHERE owner_id = old.owner_id AND period = old.due_at >> 31 AND old.status IN ('todo', 'in_progress');
        INSERT INTO task_due_counters SELECT new.owner_id, new.due_at >> 31, 1
        WHERE new.status IN ('todo', 'in_progress') AND new.due_at IS NOT NULL
        ON CONFLICT DO UPDATE SET open_tasks = open_tasks + 1;
      END;
    `,
  },
  {
    version: 8,
    name: 'idempotency-keys',
    sql: `
      -- Idempotency-Key records per user: the first request's fingerprint and (sealed) response.
      CREATE TABLE idempotency_keys (
        owner_id TEXT NOT NULL,
        key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        response TEXT,
        PRIMARY KEY (owner_id, key)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
    `,
  },
  {
    version: 9,
    name: 'event-outbox',
    sql: `
      -- Transactional outbox: every domain event, written in the transaction of the change that
      -- raised it; a relay hands it on (in-process bus or Redis Stream) in seq order, at least once.
      CREATE TABLE event_outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        aggregate_id TEXT NOT NULL,
        owner_id TEXT NOT NULL,
        occurred_at INTEGER NOT NULL,
        correlation_id TEXT NOT NULL,
        payload TEXT NOT NULL,
        relayed_at INTEGER
      ) STRICT;
      CREATE INDEX event_outbox_pending ON event_outbox (seq) WHERE relayed_at IS NULL;
      CREATE INDEX event_outbox_owner_pending ON event_outbox (owner_id) WHERE relayed_at IS NULL;
      CREATE INDEX event_outbox_relayed ON event_outbox (relayed_at) WHERE relayed_at IS NOT NULL;
      -- One relay at a time across the processes sharing the file: a lease with an expiry.
      CREATE TABLE outbox_lease (
        name TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        until INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 10,
    name: 'calendar-feeds',
    sql: `
      -- One private calendar feed per user, found by the hash of its secret token.
      CREATE TABLE calendar_feeds (
        owner_id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 11,
    name: 'task-completion-gaps',
    sql: `
      -- The timeline's streak (issue 10) without walking back day by day: per owner, every gap of 23
      -- hours or more between consecutive completion times (a calendar day lasts 23 to 25 hours, so
      -- only such a gap can hold a day without completion), and the owner's first completion
      -- (gap_start NULL). Kept by triggers on the (owner, completed_at) index in each write's transaction.
      CREATE TABLE task_completion_gaps (
        owner_id TEXT NOT NULL,
        gap_end INTEGER NOT NULL,
        gap_start INTEGER,
        PRIMARY KEY (owner_id, gap_end)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO task_completion_gaps
        SELECT owner_id, completed_at, previous FROM (
          SELECT owner_id, completed_at, LAG(completed_at) OVER (PARTITION BY owner_id ORDER BY completed_at) AS previous
          FROM (SELECT DISTINCT owner_id, completed_at FROM tasks WHERE completed_at IS NOT NULL)
        ) WHERE previous IS NULL OR completed_at - previous >= 82800000;
      CREATE TRIGGER task_completion_gaps_insert AFTER INSERT ON tasks WHEN new.completed_at IS NOT NULL BEGIN
        DELETE FROM task_completion_gaps WHERE owner_id = new.owner_id AND gap_end = (SELECT MIN(completed_at) FROM tasks WHERE owner_id = new.owner_id AND completed_at > new.completed_at) AND new.completed_at IS NOT NULL AND (SELECT COUNT(*) FROM tasks WHERE owner_id = new.owner_id AND completed_at = new.completed_at) = 1;
        INSERT INTO task_completion_gaps SELECT new.owner_id, (SELECT MIN(completed_at) FROM tasks WHERE owner_id = new.owner_id AND completed_at > new.completed_at), new.completed_at WHERE new.completed_at IS NOT NULL AND (SELECT COUNT(*) FROM tasks WHERE owner_id = new.owner_id AND completed_at = new.completed_at) = 1 AND (SELECT MIN(completed_at) FROM tasks WHERE owner_id = new.owner_id AND completed_at > new.completed_at) - new.completed_at >= 82800000;
        INSERT INTO task_completion_gaps SELECT new.owner_id, new.completed_at, (SELECT MAX(completed_at) FROM tasks WHERE owner_id = new.owner_id AND completed_at < new.completed_at) WHERE new.completed_at IS NOT NULL AND (SELECT COUNT(*) FROM tasks WHERE owner_id = new.owner_id AND completed_at = new.completed_at) = 1 AND ((SELECT MAX(completed_at) FROM tasks WHERE owner_id = new.owner_id AND completed_at < new.completed_at) IS NULL OR new.completed_at - (SELECT MAX(completed_at) FROM tasks WHERE owner_id = new.owner_id AND completed_at < new.completed_at) >= 82800000);
      END;
      CREATE TRIGGER task_completion_gaps_delete AFTER DELETE ON tasks WHEN old.completed_at IS NOT NULL BEGIN
        DELETE FROM task_completion_gaps WHERE owner_id = old.owner_id AND gap_end IN (old.completed_at, (SELECT MIN(completed_at) FROM tasks WHERE owner_id = old.owner_id AND completed_at > old.completed_at)) AND old.completed_at IS NOT NULL AND (SELECT COUNT(*) FROM tasks WHERE owner_id = old.owner_id AND completed_at = old.completed_at) = 0;
        INSERT INTO task_completion_gaps SELECT old.owner_id, (SELECT MIN(completed_at) FROM tasks WHERE owner_id = old.owner_id AND completed_at > old.completed_at), (SELECT MAX(completed_at) FROM tasks WHERE owner_id = old.owner_id AND completed_at < old.completed_at) WHERE old.completed_at IS NOT NULL AND (SELECT COUNT(*) FROM tasks WHERE owner_id = old.owner_id AND completed_at = old.completed_at) = 0 AND (SELECT MIN(completed_at) FROM tasks WHERE owner_id = old.owner_id AND completed_at > old.completed_at) IS NOT NULL AND ((SELECT MAX(completed_at) FROM tasks WHERE owner_id = old.owner_id AND completed_at < old.completed_at) IS NULL OR (SELECT MIN(completed_at) FROM tasks WHERE owner_id = old.owner_id AND completed_at > old.completed_at) - (SELECT MAX(completed_at) FROM tasks WHERE owner_id = old.owner_id AND completed_at < old.completed_at) >= 82800000);
      END;
      CREATE TRIGGER task_completion_gaps_update AFTER UPDATE OF owner_id, completed_at ON tasks
      WHEN old.completed_at IS NOT new.completed_at OR old.owner_id IS NOT new.owner_id BEGIN
        DELETE FROM task_completion_gaps WHERE owner_id = old.owner_id AND gap_end IN (old.completed_at, (SELECT MIN(completed_at) FROM tasks WHERE owner_id = old.owner_id AND completed_at > old.completed_at)) AND old.completed_at IS NOT NULL AND (SELECT COUNT(*) FROM tasks WHERE owner_id = old.owner_id AND completed_at = old.completed_at) = 0;
        INSERT INTO task_completion_gaps SELECT old.owner_id, (SELECT MIN(completed_at) FROM tasks WHERE owner_id = old.owner_id AND completed_at > old.completed_at), (SELECT MAX(completed_at) FROM tasks WHERE owner_id = old.owner_id AND completed_at < old.completed_at) WHERE old.completed_at IS NOT NULL AND (SELECT COUNT(*) FROM tasks WHERE owner_id = old.owner_id AND completed_at = old.completed_at) = 0 AND (SELECT MIN(completed_at) FROM tasks WHERE owner_id = old.owner_id AND completed_at > old.completed_at) IS NOT NULL AND ((SELECT MAX(completed_at) FROM tasks WHERE owner_id = old.owner_id AND completed_at < old.completed_at) IS NULL OR (SELECT MIN(completed_at) FROM tasks WHERE owner_id = old.owner_id AND completed_at > old.completed_at) - (SELECT MAX(completed_at) FROM tasks WHERE owner_id = old.owner_id AND completed_at < old.completed_at) >= 82800000);
        DELETE FROM task_completion_gaps WHERE owner_id = new.owner_id AND gap_end = (SELECT MIN(completed_at) FROM tasks WHERE owner_id = new.owner_id AND completed_at > new.completed_at) AND new.completed_at IS NOT NULL AND (SELECT COUNT(*) FROM tasks WHERE owner_id = new.owner_id AND completed_at = new.completed_at) = 1;
        INSERT INTO task_completion_gaps SELECT new.owner_id, (SELECT MIN(completed_at) FROM tasks WHERE owner_id = new.owner_id AND completed_at > new.completed_at), new.completed_at WHERE new.completed_at IS NOT NULL AND (SELECT COUNT(*) FROM tasks WHERE owner_id = new.owner_id AND completed_at = new.completed_at) = 1 AND (SELECT MIN(completed_at) FROM tasks WHERE owner_id = new.owner_id AND completed_at > new.completed_at) - new.completed_at >= 82800000;
        INSERT INTO task_completion_gaps SELECT new.owner_id, new.completed_at, (SELECT MAX(completed_at) FROM tasks WHERE owner_id = new.owner_id AND completed_at < new.completed_at) WHERE new.completed_at IS NOT NULL AND (SELECT COUNT(*) FROM tasks WHERE owner_id = new.owner_id AND completed_at = new.completed_at) = 1 AND ((SELECT MAX(completed_at) FROM tasks WHERE owner_id = new.owner_id AND completed_at < new.completed_at) IS NULL OR new.completed_at - (SELECT MAX(completed_at) FROM tasks WHERE owner_id = new.owner_id AND completed_at < new.completed_at) >= 82800000);
      END;
    `,
  },
  {
    version: 12,
    name: 'tasks-two-character-search',
    sql: `
      -- q of two characters (issue 10): the trigram index's own vocabulary names the trigrams holding
      -- them; texts shorter than three characters have no trigram and are found through this index.
      CREATE VIRTUAL TABLE tasks_fts_vocab USING fts5vocab(tasks_fts, 'row');
      CREATE INDEX tasks_owner_short_text ON tasks (owner_id) WHERE length(title) < 3 OR length(description) BETWEEN 1 AND 2;
    `,
  },
  {
    version: 13,
    name: 'tasks-two-character-search-dropped',
    sql: `
      -- Migration 12 is undone: the vocabulary table counts every trigram's documents when read, so
      -- finding the trigrams of a two-character needle cost a pass over the whole search index
      -- (about 120 ms at 100 k tasks). Needles under three characters walk the sort index again.
      DROP TABLE tasks_fts_vocab;
      DROP INDEX tasks_owner_short_text;
    `,
  },
  {
    version: 14,
    name: 'notifications-awaiting-mail',
    sql: `
      -- The scan re-enqueues notifications whose mail never went out (a process killed between
      -- the insert and the send): only those rows are in this index.
      CREATE INDEX notifications_awaiting_mail ON notifications (created_at) WHERE emailed_at IS NULL;
    `,
  },
  {
    version: 15,
    name: 'password-resets',
    sql: `
      -- Password-reset tokens (hashes only), each usable once until it expires.
      CREATE TABLE password_resets (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at INTEGER,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX password_resets_expiry ON password_resets (expires_at);
    `,
  },
  {
    version: 16,
    name: 'session-list',
    sql: `
      -- Each person's sessions listed and ended one by one: who signed in, and the user's rows found fast.
      ALTER TABLE sessions ADD COLUMN user_agent TEXT;
      CREATE INDEX sessions_user_created ON sessions (user_id, created_at DESC);
    `,
  },
  {
    version: 17,
    name: 'account-tokens',
    sql: `
      -- One table of single-use account tokens (hashes only) for every purpose: password resets
      -- (moved here) and email confirmations, which carry the sealed address they confirm.
      CREATE TABLE account_tokens (
        token_hash TEXT PRIMARY KEY,
        purpose TEXT NOT NULL CHECK (purpose IN ('password-reset', 'email-confirmation')),
        user_id TEXT NOT NULL,
        email TEXT,
        expires_at INTEGER NOT NULL,
        used_at INTEGER,
        created_at INTEGER NOT NULL
      ) STRICT;
      INSERT INTO account_tokens (token_hash, purpose, user_id, email, expires_at, used_at, created_at)
        SELECT token_hash, 'password-reset', user_id, NULL, expires_at, used_at, created_at FROM password_resets;
      DROP TABLE password_resets;
      CREATE INDEX account_tokens_expiry ON account_tokens (expires_at);
      CREATE INDEX account_tokens_user ON account_tokens (user_id);
      -- When the user proved the address is theirs; NULL until then (accounts made before this too).
      ALTER TABLE users ADD COLUMN email_confirmed_at INTEGER;
    `,
  },
  {
    version: 18,
    name: 'webhooks',
    sql: `
      -- Webhook endpoints (issue 12): the signing secret is an AES-256-GCM sealed value (base64),
      -- events a JSON array; failing_since starts the 24-hour clock that disables a dead endpoint.
      CREATE TABLE webhooks (
        id TEXT PRIMARY KEY,
        owner_id TEXT NOT NULL,
        url TEXT NOT NULL,
        events TEXT NOT NULL,
        enabled INTEGER NOT NULL,
        secret TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        failing_since INTEGER,
        disabled_at INTEGER
      ) STRICT;
      CREATE INDEX webhooks_owner_created ON webhooks (owner_id, created_at, id);
      -- The durable delivery queue: one row per (event, endpoint), its id the webhook-id receivers
      -- de-duplicate on; attempts a JSON array; locked_until holds a row for one attempt.
      CREATE TABLE webhook_deliveries (
        id TEXT PRIMARY KEY,
        webhook_id TEXT NOT NULL,
        owner_id TEXT NOT NULL,
        event_type TEXT NOT NULL,
        order_key TEXT NOT NULL,
        sequence TEXT NOT NULL,
        payload TEXT NOT NULL,
        status TEXT NOT NULL,
        attempts TEXT NOT NULL DEFAULT '[]',
        next_attempt_at INTEGER,
        locked_until INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      ) STRICT;
      -- Head of each line (one task at one endpoint), and the due scan: pending rows only.
      CREATE INDEX webhook_deliveries_line ON webhook_deliveries (webhook_id, order_key, sequence) WHERE status = 'pending';
      CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
      CREATE INDEX webhook_deliveries_list ON webhook_deliveries (webhook_id, created_at DESC, sequence DESC);
    `,
  },
  {
    version: 19,
    name: 'account-erasure',
    sql: `
      -- Deleting an account leaves nothing of it (issue 13): stored mail says whose it is (rows
      -- from before stay NULL), and the search index removes a deleted row's trigrams at once
      -- instead of keeping them under a delete marker until the next merge.
      ALTER TABLE mail_outbox ADD COLUMN owner_id TEXT;
      CREATE INDEX mail_outbox_owner ON mail_outbox (owner_id) WHERE owner_id IS NOT NULL;
      INSERT INTO tasks_fts (tasks_fts, rank) VALUES ('secure-delete', 1);
    `,
  },
  {
    version: 20,
    name: 'recurring-tasks',
    sql: `
      -- A recurring task's RRULE and IANA zone, and the series its occurrences share (NULL: one-off).
      ALTER TABLE tasks ADD COLUMN recurrence_rule TEXT;
      ALTER TABLE tasks ADD COLUMN recurrence_zone TEXT;
      ALTER TABLE tasks ADD COLUMN series_id TEXT;
      -- One occurrence per series and due time: a retried or concurrent completion cannot add a second.
      CREATE UNIQUE INDEX tasks_series_occurrence ON tasks (series_id, due_at) WHERE series_id IS NOT NULL;
    `,
  },
  {
    version: 21,
    name: 'user-preferences',
    sql: `
      -- Reminder and digest settings (issue 13): an IANA zone, the "due soon" lead in minutes
      -- (0 = none), the channels, and the local hour of the daily digest.
      CREATE TABLE user_preferences (
        user_id TEXT PRIMARY KEY,
        time_zone TEXT NOT NULL,
        due_soon_minutes INTEGER NOT NULL,
        in_app INTEGER NOT NULL,
        email INTEGER NOT NULL,
        digest_enabled INTEGER NOT NULL,
        digest_hour INTEGER NOT NULL CHECK (digest_hour BETWEEN 0 AND 23),
        updated_at INTEGER
      ) STRICT;
      CREATE INDEX user_preferences_digest ON user_preferences (user_id) WHERE digest_enabled = 1;
      -- One digest per user per local day: the primary key decides which worker sends it.
      CREATE TABLE daily_digests (
        user_id TEXT NOT NULL,
        local_date TEXT NOT NULL,
        sent_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, local_date)
      ) STRICT;
    `,
  },
  {
    version: 22,
    name: 'tasks-archive',
    sql: `
      -- Cold storage (issue 10, ARCHIVE_AFTER): completed tasks unchanged for a while move here in
      -- batches, out of the hot indexes, search index and counters (the DELETE from tasks fires their
      -- triggers). The same columns as tasks, and the same keyset and status indexes, so the archive
      -- lists, filters and pages with the read model's own SQL, table name aside.
      CREATE TABLE tasks_archive (
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
        version INTEGER NOT NULL,
        content_sealed INTEGER NOT NULL DEFAULT 0,
        recurrence_rule TEXT,
        recurrence_zone TEXT,
        series_id TEXT,
        due_sort INTEGER GENERATED ALWAYS AS (COALESCE(due_at, 9007199254740991)) VIRTUAL
      ) STRICT;
      CREATE INDEX tasks_archive_owner_created_id ON tasks_archive (owner_id, created_at, id);
      CREATE INDEX tasks_archive_owner_updated_id ON tasks_archive (owner_id, updated_at, id);
      CREATE INDEX tasks_archive_owner_due_sort_id ON tasks_archive (owner_id, due_sort, id);
      CREATE INDEX tasks_archive_owner_rank_id ON tasks_archive (owner_id, priority_rank, id);
      CREATE INDEX tasks_archive_owner_status_created_id ON tasks_archive (owner_id, status, created_at, id);
      CREATE INDEX tasks_archive_owner_sealed ON tasks_archive (owner_id) WHERE content_sealed = 1;
      CREATE TABLE task_archive_tags (
        task_id TEXT NOT NULL REFERENCES tasks_archive (id) ON DELETE CASCADE,
        owner_id TEXT NOT NULL,
        tag TEXT NOT NULL,
        PRIMARY KEY (task_id, tag)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX task_archive_tags_owner_tag ON task_archive_tags (owner_id, tag);

      -- q on the archive: its own trigram index, kept as tasks_fts is (migrations 7 and 19).
      CREATE VIRTUAL TABLE tasks_archive_fts USING fts5(title, description, content = 'tasks_archive', content_rowid = 'rowid', tokenize = 'trigram');
      INSERT INTO tasks_archive_fts (tasks_archive_fts, rank) VALUES ('secure-delete', 1);
      CREATE TRIGGER tasks_archive_fts_insert AFTER INSERT ON tasks_archive WHEN new.content_sealed = 0 BEGIN
        INSERT INTO tasks_archive_fts (rowid, title, description) VALUES (new.rowid, new.title, new.description);
      END;
      CREATE TRIGGER tasks_archive_fts_delete AFTER DELETE ON tasks_archive WHEN old.content_sealed = 0 BEGIN
        INSERT INTO tasks_archive_fts (tasks_archive_fts, rowid, title, description) VALUES ('delete', old.rowid, old.title, old.description);
      END;
      -- Key rotation re-seals archived text in place.
      CREATE TRIGGER tasks_archive_fts_update AFTER UPDATE OF title, description, content_sealed ON tasks_archive
      WHEN old.title IS NOT new.title OR old.description IS NOT new.description OR old.content_sealed IS NOT new.content_sealed BEGIN
        INSERT INTO tasks_archive_fts (tasks_archive_fts, rowid, title, description)
          SELECT 'delete', old.rowid, old.title, old.description WHERE old.content_sealed = 0;
        INSERT INTO tasks_archive_fts (rowid, title, description)
          SELECT new.rowid, new.title, new.description WHERE new.content_sealed = 0;
      END;

      -- The statistics overview's archived count: one row per owner, kept by triggers.
      CREATE TABLE task_archive_counters (
        owner_id TEXT PRIMARY KEY,
        tasks INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER task_archive_counters_insert AFTER INSERT ON tasks_archive BEGIN
        INSERT INTO task_archive_counters VALUES (new.owner_id, 1) ON CONFLICT DO UPDATE SET tasks = tasks + 1;
      END;
      CREATE TRIGGER task_archive_counters_delete AFTER DELETE ON tasks_archive BEGIN
        UPDATE task_archive_counters SET tasks = tasks - 1 WHERE owner_id = old.owner_id;
      END;

      -- The archive run, across owners: completed tasks by last change, oldest first.
      CREATE INDEX tasks_completed_updated ON tasks (updated_at) WHERE status = 'completed';
    `,
  },
  {
    version: 23,
    name: 'task-list-versions',
    sql: `
      -- One number per owner that every change to the owner's tasks (hot or archived) moves, kept by
      -- triggers so no write path can forget it and writes from any process count: the read model's
      -- page cache (sqlite-task-page-cache.ts) serves a page again only while it has not moved.
      -- Tag rows change only with their task's row, so the task triggers cover them.
      CREATE TABLE task_list_versions (
        owner_id TEXT PRIMARY KEY,
        version INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      ${listVersionTriggers('tasks')}
      ${listVersionTriggers('tasks_archive')}
    `,
  },
];
