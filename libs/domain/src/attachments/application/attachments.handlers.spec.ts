import { CreateTaskCommand, CreateTaskHandler, TaskDeleted, TaskNotFoundError } from '../../tasks';
import { createTestContext, type TestContext } from '@primetrade/testing';
import { InMemoryAttachmentRepository, InMemoryFileStorage } from '@primetrade/testing';
import {
  AttachmentLimitReachedError,
  AttachmentNotFoundError,
  AttachmentTooLargeError,
  EmptyAttachmentError,
  UnsupportedAttachmentTypeError,
} from '../model/attachment.errors';
import type { FileContent } from '../ports/file-storage.port';
import { DeleteAttachmentCommand } from './commands/delete-attachment/delete-attachment.command';
import { DeleteAttachmentHandler } from './commands/delete-attachment/delete-attachment.handler';
import { UploadAttachmentCommand } from './commands/upload-attachment/upload-attachment.command';
import { UploadAttachmentHandler } from './commands/upload-attachment/upload-attachment.handler';
import { DeleteTaskAttachmentsHandler } from './events/delete-task-attachments.handler';
import { GetAttachmentQuery } from './queries/get-attachment/get-attachment.query';
import { GetAttachmentHandler } from './queries/get-attachment/get-attachment.handler';
import { ListAttachmentsQuery } from './queries/list-attachments/list-attachments.query';
import { ListAttachmentsHandler } from './queries/list-attachments/list-attachments.handler';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

async function* chunks(...parts: (string | Uint8Array)[]): FileContent {
  for (const part of parts) yield typeof part === 'string' ? Buffer.from(part) : part;
}

/** An endless source that counts what was pulled from it. */
function endless(chunkSize: number): { content: FileContent; pulled: () => number } {
  let pulled = 0;
  const chunk = Buffer.alloc(chunkSize, 0x61);
  return {
    content: (async function* () {
      for (;;) {
        pulled += chunk.length;
        yield chunk;
      }
    })(),
    pulled: () => pulled,
  };
}

async function collect(content: FileContent): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const part of content) parts.push(part);
  return Buffer.concat(parts).toString('utf8');
}

describe('attachment use cases', () => {
  let ctx: TestContext;
  let repo: InMemoryAttachmentRepository;
  let files: InMemoryFileStorage;
  let upload: UploadAttachmentHandler;
  let taskId: string;
  const limits = { maxBytes: 1024, maxPerTask: 3 };
  const send = (content: FileContent, name = 'notes.txt', owner = 'o1') =>
    upload.execute(new UploadAttachmentCommand(owner, taskId, name, content));

  beforeEach(async () => {
    ctx = createTestContext();
    repo = new InMemoryAttachmentRepository();
    files = new InMemoryFileStorage();
    upload = new UploadAttachmentHandler(ctx.tasks, repo, files, limits, ctx.ids, ctx.clock);
    taskId = (
      await new CreateTaskHandler(ctx.tasks, ctx.ids, ctx.rules, ctx.clock, ctx.events).execute(
        new CreateTaskCommand('o1', { title: 'With files' }),
      )
    ).id;
  });

  it('stores the content under a server id with the sniffed type and the sanitised name', async () => {
    const view = await send(chunks('hello ', 'world'), '../../etc/passwd');
    expect(view).toMatchObject({ taskId, fileName: 'passwd', contentType: 'text/plain; charset=utf-8', size: 11 });
    expect(view.id).not.toContain('passwd');
    expect(Buffer.from(files.files.get(view.id)!).toString()).toBe('hello world');
    expect(await new ListAttachmentsHandler(ctx.tasks, repo).execute(new ListAttachmentsQuery('o1', taskId))).toEqual([view]);
    const download = await new GetAttachmentHandler(repo, files).execute(new GetAttachmentQuery('o1', taskId, view.id));
    expect(download.attachment).toEqual(view);
    expect(await collect(download.content)).toBe('hello world');
  });

  it('trusts the bytes, not the name: a .png of text is text, an ELF is refused', async () => {
    expect((await send(chunks('just text'), 'image.png')).contentType).toBe('text/plain; charset=utf-8');
    expect((await send(chunks(PNG), 'notes.txt')).contentType).toBe('image/png');
    await expect(send(chunks(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0])), 'tool.txt')).rejects.toBeInstanceOf(
      UnsupportedAttachmentTypeError,
    );
    expect(repo.rows.size).toBe(2);
  });

  it('refuses text that turns binary after the sniffed head, and keeps nothing', async () => {
    await expect(send(chunks('a'.repeat(600), Buffer.from([0, 1, 2])))).rejects.toBeInstanceOf(UnsupportedAttachmentTypeError);
    expect(files.files.size).toBe(0);
    expect(repo.rows.size).toBe(0);
  });

  it('refuses an empty file', async () => {
    await expect(send(chunks())).rejects.toBeInstanceOf(EmptyAttachmentError);
  });

  it('cuts an endless upload off at the size limit without reading much further', async () => {
    const source = endless(100);
    await expect(send(source.content)).rejects.toBeInstanceOf(AttachmentTooLargeError);
    expect(source.pulled()).toBeLessThanOrEqual(limits.maxBytes + 100);
    expect(files.files.size).toBe(0);
    expect(repo.rows.size).toBe(0);
  });

  it('accepts exactly the limit', async () => {
    expect((await send(chunks('a'.repeat(limits.maxBytes)))).size).toBe(limits.maxBytes);
  });

  it('refuses the attachment over the per-task count, before reading its body', async () => {
    await send(chunks('one'));
    await send(chunks('two'));
    await send(chunks('three'));
    const source = endless(10);
    await expect(send(source.content)).rejects.toBeInstanceOf(AttachmentLimitReachedError);
    expect(source.pulled()).toBe(0);
  });

  it('removes the stored file when the atomic insert finds the task full', async () => {
    jest.spyOn(repo, 'insertWithinLimit').mockResolvedValueOnce(false);
    await expect(send(chunks('raced'))).rejects.toBeInstanceOf(AttachmentLimitReachedError);
    expect(files.files.size).toBe(0);
  });

  it('answers 404 for another owner’s task and attachment', async () => {
    const view = await send(chunks('mine'));
    await expect(send(chunks('theirs'), 'x.txt', 'o2')).rejects.toBeInstanceOf(TaskNotFoundError);
    await expect(new ListAttachmentsHandler(ctx.tasks, repo).execute(new ListAttachmentsQuery('o2', taskId))).rejects.toBeInstanceOf(
      TaskNotFoundError,
    );
    await expect(new GetAttachmentHandler(repo, files).execute(new GetAttachmentQuery('o2', taskId, view.id))).rejects.toBeInstanceOf(
      AttachmentNotFoundError,
    );
    await expect(
      new DeleteAttachmentHandler(repo, files).execute(new DeleteAttachmentCommand('o2', taskId, view.id)),
    ).rejects.toBeInstanceOf(AttachmentNotFoundError);
    expect(files.files.has(view.id)).toBe(true);
  });

  it('deletes content and metadata', async () => {
    const view = await send(chunks('bye'));
    await new DeleteAttachmentHandler(repo, files).execute(new DeleteAttachmentCommand('o1', taskId, view.id));
    expect(files.files.size).toBe(0);
    expect(repo.rows.size).toBe(0);
    await expect(
      new DeleteAttachmentHandler(repo, files).execute(new DeleteAttachmentCommand('o1', taskId, view.id)),
    ).rejects.toBeInstanceOf(AttachmentNotFoundError);
  });

  it('removes every file of a deleted task, and a second delivery is harmless', async () => {
    await send(chunks('one'));
    await send(chunks(PNG));
    const handler = new DeleteTaskAttachmentsHandler(repo, files);
    const event = new TaskDeleted(
      taskId,
      'o1',
      { status: 'todo', priority: 'medium', dueDate: null, createdAt: new Date(), completedAt: null },
      new Date(),
    );
    await handler.handle(event);
    expect(files.files.size).toBe(0);
    expect(repo.rows.size).toBe(0);
    await expect(handler.handle(event)).resolves.toBeUndefined();
  });
});
