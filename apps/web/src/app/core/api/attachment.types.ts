import type { listAttachments, uploadAttachment } from '@primetrade/api-client';
import type { ResponseOf } from './sdk-types';

export type Attachment = ResponseOf<typeof listAttachments>['items'][number];
export type UploadedAttachment = ResponseOf<typeof uploadAttachment>;
