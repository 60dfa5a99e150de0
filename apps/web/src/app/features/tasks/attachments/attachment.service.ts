import { inject, Injectable } from '@angular/core';
import { Api, deleteAttachment, downloadAttachment, listAttachments, uploadAttachment } from '@primetrade/api-client';
import { map, Observable } from 'rxjs';
import { Attachment } from '../../../core/api/attachment.types';

/** The accept attribute of the file input: the types the API recognises. */
export const ACCEPTED_TYPES = 'image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain,.txt,.pdf';

/** The data access of attachments, through the generated SDK. */
@Injectable({ providedIn: 'root' })
export class AttachmentService {
  private readonly api = inject(Api);

  list(taskId: string): Observable<Attachment[]> {
    return this.api.invoke(listAttachments, { id: taskId }).pipe(map((list) => list.items));
  }

  upload(taskId: string, file: File): Observable<Attachment> {
    return this.api.invoke(uploadAttachment, { id: taskId, body: { file } });
  }

  /**
   * Fetched with the bearer token (a plain link would carry none), then saved by the browser.
   * One SDK function for every type: the API documents the body as binary of any type.
   */
  download(attachment: Attachment): Observable<Blob> {
    return this.api.invoke(downloadAttachment, { id: attachment.taskId, attachmentId: attachment.id });
  }

  delete(attachment: Attachment): Observable<void> {
    return this.api.invoke(deleteAttachment, { id: attachment.taskId, attachmentId: attachment.id });
  }
}
