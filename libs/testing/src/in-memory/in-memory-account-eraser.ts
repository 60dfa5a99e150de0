import { AccountEraser } from '@primetrade/domain';
import type { InMemoryAttachmentRepository } from './in-memory-attachments';
import type { InMemoryStore } from './in-memory-store';
import type { InMemoryUserPreferencesRepository } from './in-memory-user-preferences.repository';

/** Erases a user from the in-memory rows (users, sessions, tasks, attachment metadata, preferences). */
export class InMemoryAccountEraser extends AccountEraser {
  constructor(
    private readonly store: InMemoryStore,
    private readonly attachments: InMemoryAttachmentRepository,
    private readonly preferences?: InMemoryUserPreferencesRepository,
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
    this.preferences?.eraseUser(userId);
    this.store.users.delete(userId);
    return { fileKeys };
  }
}
