import { AccountEraser } from '@primetrade/domain';
import type { InMemoryAttachmentRepository } from './in-memory-attachments';
import type { InMemoryStore } from './in-memory-store';

/** Erases a user from the in-memory rows (users, sessions, tasks and attachment metadata). */
export class InMemoryAccountEraser extends AccountEraser {
  constructor(
    private readonly store: InMemoryStore,
    private readonly attachments: InMemoryAttachmentRepository,
  ) {
    super();
  }

  async erase(userId: string): Promise<{ fileKeys: string[] }> {
    const fileKeys: string[] = [];
    for (const [id, a] of this.attachments.rows)
      if (a.ownerId === userId) {
        fileKeys.push(a.storageKey);
        this.attachments.rows.delete(id);
      }
    for (const [id, t] of this.store.tasks) if (t.ownerId === userId) this.store.tasks.delete(id);
    for (const [id, s] of this.store.sessions) if (s.userId === userId) this.store.sessions.delete(id);
    this.store.users.delete(userId);
    return { fileKeys };
  }
}
