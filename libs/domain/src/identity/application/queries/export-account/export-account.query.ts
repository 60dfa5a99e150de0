import { Query } from '@nestjs/cqrs';
import type { FileContent } from '../../../../attachments';
import type { NotificationView, UserPreferencesView } from '../../../../notifications';
import type { TaskView } from '../../../../tasks';
import type { SessionSummary } from '../../../model/session.entity';
import type { UserView } from '../../user.view';

export interface ExportedAttachment {
  id: string;
  taskId: string;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: Date;
  /** The bytes, read when the archive gets to them (null when the file is gone). */
  content: () => Promise<FileContent | null>;
}

/**
 * Everything the service holds about a user, for "take my data": the lists that can be long are
 * streams, read a page at a time as the archive is written.
 */
export interface AccountArchive {
  user: UserView & { updatedAt: Date };
  /** The saved preferences, or the defaults when none were saved. */
  preferences: UserPreferencesView;
  /** The sessions that can still be used. */
  sessions: SessionSummary[];
  tasks: AsyncIterable<TaskView>;
  notifications: AsyncIterable<NotificationView>;
  attachments: ExportedAttachment[];
}

export class ExportAccountQuery extends Query<AccountArchive> {
  constructor(readonly userId: string) {
    super();
  }
}
