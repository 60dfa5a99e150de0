import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AttachmentRepository, FileStorage } from '../../../../attachments';
import {
  NotificationRepository,
  type NotificationView,
  toNotificationView,
  toPreferencesView,
  UserPreferences,
  UserPreferencesRepository,
} from '../../../../notifications';
import { Clock } from '../../../../shared/ports/clock.port';
import { TaskReadModel, taskPages, type TaskView } from '../../../../tasks';
import { UserNotFoundError } from '../../../model/identity.errors';
import { SessionRepository } from '../../../ports/session.repository.port';
import { UserRepository } from '../../../ports/user.repository.port';
import { toUserView } from '../../user.view';
import { type AccountArchive, ExportAccountQuery } from './export-account.query';

const NOTIFICATION_PAGE = 500;

@QueryHandler(ExportAccountQuery)
export class ExportAccountHandler implements IQueryHandler<ExportAccountQuery> {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly tasks: TaskReadModel,
    private readonly notifications: NotificationRepository,
    private readonly attachments: AttachmentRepository,
    private readonly files: FileStorage,
    private readonly clock: Clock,
    private readonly preferences: UserPreferencesRepository,
  ) {}

  async execute(query: ExportAccountQuery): Promise<AccountArchive> {
    const user = await this.users.findById(query.userId);
    if (!user || !user.isActive) throw new UserNotFoundError();
    const now = this.clock.now();
    const attachments = await this.attachments.listByOwner(user.id);
    return {
      user: { ...toUserView(user), updatedAt: user.updatedAt },
      preferences: toPreferencesView((await this.preferences.find(user.id)) ?? UserPreferences.defaults(user.id)),
      sessions: await this.sessions.listActive(user.id, now),
      tasks: this.taskPages(user.id, now),
      notifications: this.notificationPages(user.id),
      attachments: attachments.map((a) => ({
        id: a.id,
        taskId: a.taskId,
        fileName: a.fileName,
        contentType: a.contentType,
        size: a.size,
        createdAt: a.createdAt,
        content: () => this.files.read(a.storageKey),
      })),
    };
  }

  /** Every task, whatever its status, oldest first: the hot ones, then the archived ones. */
  private async *taskPages(ownerId: string, now: Date): AsyncIterable<TaskView> {
    yield* taskPages(this.tasks, ownerId, { criteria: { now }, sort: 'createdAt', order: 'asc' });
    yield* taskPages(this.tasks, ownerId, { criteria: { now, archived: true }, sort: 'createdAt', order: 'asc' });
  }

  private async *notificationPages(ownerId: string): AsyncIterable<NotificationView> {
    let after: { createdAt: number; id: string } | null = null;
    for (;;) {
      const page = await this.notifications.list(ownerId, after, NOTIFICATION_PAGE);
      yield* page.map(toNotificationView);
      const last = page.at(-1);
      if (page.length < NOTIFICATION_PAGE || !last) return;
      after = { createdAt: last.createdAt.getTime(), id: last.id };
    }
  }
}
