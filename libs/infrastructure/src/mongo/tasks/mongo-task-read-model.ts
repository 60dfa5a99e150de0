import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { matchesTaskFilter, resolveTaskFilter, TaskReadModel, type TaskListRequest, type TaskView } from '@primetrade/domain';
import type { Model } from 'mongoose';
import { scanForMatches } from '../../core/tasks/scan-for-matches';
import { searchNeedle, TaskContentSealer } from '../../core/tasks/task-content-sealer';
import { openTaskProps, recordSortKey, storedTaskText } from './task.mapper';
import { mongoCall } from '../connection/mongo.errors';
import { MONGO_PERSISTENCE_OPTIONS, type ResolvedMongoPersistenceOptions } from '../connection/mongo-persistence.options';
import { needsTextScan, TASK_VIEW_PROJECTION, type TaskListQuery, taskListQuery, taskSearchCandidatesQuery } from './task-list.filter';
import { TaskRecord } from './task.schema';
import { archiveModelOf } from './task-archive.schema';

/**
 * ListTasks: a keyset-paged find on the configured read preference (a secondary by default).
 * A `q` search, or a filter expression comparing text, walks the owner's filtered candidates in
 * sort order — documents whose plaintext matches, and every sealed one (ENCRYPT_TASK_CONTENT, now or earlier) — and matches the
 * decrypted text in the process. With nothing sealed the candidates are the matches themselves.
 */
@Injectable()
export class MongoTaskReadModel extends TaskReadModel {
  /** criteria.archived: the archive collection, the same documents and list indexes (task-archive.schema.ts). */
  private readonly archive: Model<TaskRecord>;

  constructor(
    @InjectModel(TaskRecord.name) private readonly tasks: Model<TaskRecord>,
    @Inject(MONGO_PERSISTENCE_OPTIONS) private readonly options: ResolvedMongoPersistenceOptions,
    private readonly content: TaskContentSealer,
  ) {
    super();
    this.archive = archiveModelOf(tasks);
  }

  list(ownerId: string, request: TaskListRequest): Promise<TaskView[]> {
    const needle = searchNeedle(request.criteria.q);
    const condition = request.criteria.filter ? resolveTaskFilter(request.criteria.filter, request.criteria.now) : null;
    return mongoCall(async () => {
      if (!needsTextScan(request.criteria)) {
        return (await this.find(request, taskListQuery(ownerId, request))).map((record) => openTaskProps(record, this.content));
      }
      const records = await scanForMatches<TaskRecord>({
        limit: request.limit,
        fetch: (last, size) =>
          this.find(
            request,
            taskSearchCandidatesQuery(
              ownerId,
              request,
              last ? { key: recordSortKey(last, request.sort), id: last._id } : request.after,
              size,
            ),
          ),
        matches: (record) => {
          if (needle && !this.content.matches(record._id, storedTaskText(record), needle)) return false;
          // Plaintext documents matched the expression in the query; sealed ones are checked opened.
          return !condition || record.contentSealed !== true || matchesTaskFilter(condition, openTaskProps(record, this.content));
        },
      });
      return records.map((record) => openTaskProps(record, this.content));
    });
  }

  private find(request: TaskListRequest, { filter, sort, limit, hint }: TaskListQuery): Promise<TaskRecord[]> {
    return (request.criteria.archived ? this.archive : this.tasks)
      .find(filter, TASK_VIEW_PROJECTION)
      .hint(hint)
      .sort(sort)
      .limit(limit)
      .read(this.options.readPreference)
      .lean<TaskRecord[]>()
      .exec();
  }
}
