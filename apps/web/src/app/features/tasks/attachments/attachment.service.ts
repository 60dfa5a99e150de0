import { inject, Injectable } from '@angular/core';
import {
  Api,
  deleteAttachment,
  downloadAttachment$Gif,
  downloadAttachment$Jpeg,
  downloadAttachment$Pdf,
  downloadAttachment$PlainCharsetUtf8,
  downloadAttachment$Png,
  downloadAttachment$Webp,
  listAttachments,
  uploadAttachment,
} from '@primetrade/api-client';
import { map, Observable } from 'rxjs';
import { Attachment } from '../../../core/api/attachment.types';

// The SDK has one download function per media type the API may send; the attachment's
// recognised type picks the one whose Accept header matches.
const DOWNLOADS: Record<Attachment['contentType'], typeof downloadAttachment$Png> = {
  'image/png': downloadAttachment$Png,
  'image/jpeg': downloadAttachment$Jpeg,
  'image/gif': downloadAttachment$Gif,
  'image/webp': downloadAttachment$Webp,
  'application/pdf': downloadAttachment$Pdf,
  'text/plain; charset=utf-8': downloadAttachment$PlainCharsetUtf8,
};

/** The accept attribute of the file input: the types the API recognises. */
export const ACCEPTED_TYPES = 'image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain,.txt,.pdf';

@Injectable({ providedIn: 'root' })
export class AttachmentService {
  private readonly api = inject(Api);

  list(taskId: string): Observable<Attachment[]> {
    return this.api.invoke(listAttachments, { id: taskId }).pipe(map((list) => list.items));
  }

  upload(taskId: string, file: File): Observable<Attachment> {
    return this.api.invoke(uploadAttachment, { id: taskId, body: { file } });
  }

  /** Fetched with the bearer token (a plain link would carry none), then saved by the browser. */
  download(attachment: Attachment): Observable<Blob> {
    const fn = DOWNLOADS[attachment.contentType] ?? downloadAttachment$Pdf;
    return this.api.invoke(fn, { id: attachment.taskId, attachmentId: attachment.id });
  }

  delete(attachment: Attachment): Observable<void> {
    return this.api.invoke(deleteAttachment, { id: attachment.taskId, attachmentId: attachment.id });
  }
}
