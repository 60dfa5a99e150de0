import { type ContentCipher, DataIntegrityError } from '@primetrade/domain';

export type TaskTextField = 'title' | 'description';

/** A task's text as a store holds it: plaintext, or sealed values (base64) when `sealed`. */
export interface StoredTaskText {
  title: string;
  description: string;
  sealed: boolean;
}

/** Associated data of a sealed task field: a value copied to another task or field does not open. */
export const taskTextContext = (id: string, field: TaskTextField): string => `tasks/${id}/${field}`;

/**
 * Task title and description at rest (ENCRYPT_TASK_CONTENT). When enabled, new writes are sealed
 * through ContentCipher; reads follow each record's own `sealed` marker, not the flag, so a store
 * holding both forms (flag switched on over old rows, or off again) keeps reading every task.
 * The marker is a column of its own rather than a guess from the value: a user may type any
 * title, including one that looks like a sealed value.
 */
export class TaskContentSealer {
  constructor(
    private readonly cipher: ContentCipher | null,
    readonly enabled: boolean,
  ) {
    if (enabled && !cipher) throw new Error('task content encryption needs a ContentCipher');
  }

  /** The stored form of a task's text for a write. */
  seal(id: string, title: string, description: string): StoredTaskText {
    if (!this.enabled) return { title, description, sealed: false };
    return { title: this.sealValue(id, 'title', title), description: this.sealValue(id, 'description', description), sealed: true };
  }

  open(id: string, field: TaskTextField, stored: string, sealed: boolean): string {
    if (!sealed) return stored;
    if (!this.cipher) throw new DataIntegrityError();
    return Buffer.from(this.cipher.open(Buffer.from(stored, 'base64'), taskTextContext(id, field))).toString('utf8');
  }

  /**
   * The `q` search in the process: a case-insensitive substring of title or description, folded
   * like the SQL path (String#toLowerCase). The description is opened only when the title misses.
   */
  matches(id: string, text: StoredTaskText, needle: string): boolean {
    if (this.open(id, 'title', text.title, text.sealed).toLowerCase().includes(needle)) return true;
    return this.open(id, 'description', text.description, text.sealed).toLowerCase().includes(needle);
  }

  private sealValue(id: string, field: TaskTextField, value: string): string {
    if (!this.cipher) throw new Error('task content encryption needs a ContentCipher');
    return Buffer.from(this.cipher.seal(Buffer.from(value, 'utf8'), taskTextContext(id, field))).toString('base64');
  }
}

/** Plaintext only: for adapters and tests built without a cipher (the flag off, nothing sealed). */
export const PLAINTEXT_TASK_CONTENT = new TaskContentSealer(null, false);

/** The search needle as both search paths compare it. */
export const searchNeedle = (q: string | undefined): string | null => {
  const needle = q?.trim().toLowerCase();
  return needle ? needle : null;
};
