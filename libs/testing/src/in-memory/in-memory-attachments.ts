import type { Attachment } from '@primetrade/domain';
import { AttachmentRepository } from '@primetrade/domain';
import { type FileContent, FileStorage } from '@primetrade/domain';

/** Attachment metadata in a Map, for handler tests. */
export class InMemoryAttachmentRepository extends AttachmentRepository {
  readonly rows = new Map<string, Attachment>();

  async insertWithinLimit(attachment: Attachment, maxPerTask: number): Promise<boolean> {
    if ((await this.countByTask(attachment.ownerId, attachment.taskId)) >= maxPerTask) return false;
    this.rows.set(attachment.id, attachment);
    return true;
  }

  async countByTask(ownerId: string, taskId: string): Promise<number> {
    return (await this.listByTask(ownerId, taskId)).length;
  }

  async findById(ownerId: string, taskId: string, id: string): Promise<Attachment | null> {
    const row = this.rows.get(id);
    return row && row.ownerId === ownerId && row.taskId === taskId ? row : null;
  }

  async listByOwner(ownerId: string): Promise<Attachment[]> {
    return [...this.rows.values()]
      .filter((a) => a.ownerId === ownerId)
      .sort((a, b) => a.taskId.localeCompare(b.taskId) || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  }

  async listByTask(ownerId: string, taskId: string): Promise<Attachment[]> {
    return [...this.rows.values()]
      .filter((a) => a.ownerId === ownerId && a.taskId === taskId)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  }

  async delete(ownerId: string, taskId: string, id: string): Promise<boolean> {
    return (await this.findById(ownerId, taskId, id)) ? this.rows.delete(id) : false;
  }
}

/** File content in a Map; a write is all or nothing, like the real adapters. */
export class InMemoryFileStorage extends FileStorage {
  readonly files = new Map<string, Uint8Array>();
  /** Bytes pulled from the last written content, whether it was stored or not. */
  lastBytesRead = 0;

  async write(key: string, content: FileContent): Promise<void> {
    const chunks: Uint8Array[] = [];
    this.lastBytesRead = 0;
    for await (const chunk of content) {
      this.lastBytesRead += chunk.length;
      chunks.push(chunk);
    }
    this.files.set(key, Buffer.concat(chunks));
  }

  async read(key: string): Promise<FileContent | null> {
    const file = this.files.get(key);
    return file
      ? (async function* () {
          yield file;
        })()
      : null;
  }

  async delete(key: string): Promise<void> {
    this.files.delete(key);
  }
}
