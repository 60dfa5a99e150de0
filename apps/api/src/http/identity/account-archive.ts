import { Readable } from 'node:stream';
import type { AccountArchive, ExportedAttachment } from '@primetrade/domain';
import archiver from 'archiver';
import { toNotificationResponse } from '../notifications/notification.response';
import { toPreferencesResponse } from '../notifications/preferences.dto';
import { jsonArray } from '../streaming/json-array';
import { toTaskResponse } from '../tasks/task.response';
import { toUserResponse } from './user.response';

const README = `Your Primetrade data

account.json        your profile, your preferences (time zone, reminders, digest) and the sessions that can still sign in
tasks.json          every task, whatever its status, oldest first
notifications.json  every notification, newest first
attachments.json    the attachments' details; their files are under attachments/<task id>/
`;

/**
 * "Take my data": one ZIP archive, written as it is read — tasks and notifications a page at a
 * time, each attachment file when the archive gets to it — so memory stays flat for any account.
 */
export function accountArchive(archive: AccountArchive, exportedAt: Date): Readable {
  const zip = archiver('zip', { zlib: { level: 6 } });
  const { user, sessions } = archive;
  zip.append(README, { name: 'README.txt' });
  zip.append(
    JSON.stringify(
      {
        exportedAt: exportedAt.toISOString(),
        user: { ...toUserResponse(user), updatedAt: user.updatedAt.toISOString() },
        preferences: toPreferencesResponse(archive.preferences),
        sessions: sessions.map((s) => ({
          id: s.id,
          createdAt: s.createdAt.toISOString(),
          lastUsedAt: s.lastUsedAt.toISOString(),
          userAgent: s.userAgent,
        })),
      },
      null,
      2,
    ),
    { name: 'account.json' },
  );
  zip.append(jsonArray(archive.tasks, toTaskResponse), { name: 'tasks.json' });
  zip.append(jsonArray(archive.notifications, toNotificationResponse), { name: 'notifications.json' });
  zip.append(JSON.stringify(archive.attachments.map(describe), null, 2), { name: 'attachments.json' });
  for (const attachment of archive.attachments) zip.append(contentOf(attachment), { name: describe(attachment).path });
  void zip.finalize();
  return zip;
}

function describe(a: ExportedAttachment) {
  return {
    id: a.id,
    taskId: a.taskId,
    fileName: a.fileName,
    contentType: a.contentType,
    size: a.size,
    createdAt: a.createdAt.toISOString(),
    path: `attachments/${a.taskId}/${a.id}-${a.fileName}`,
  };
}

/** The file's bytes, opened only when the archive reads this entry. */
function contentOf(attachment: ExportedAttachment): Readable {
  return Readable.from(
    (async function* bytes() {
      const content = await attachment.content();
      if (content) yield* content;
    })(),
    { objectMode: false },
  );
}
