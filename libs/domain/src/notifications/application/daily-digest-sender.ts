import { Injectable } from '@nestjs/common';
import { UserRepository } from '../../identity';
import { escapeHtml } from '../../shared/application/escape-html';
import { OPEN_TASK_STATUSES, TaskReadModel, type TaskView } from '../../tasks';
import { startOfNextLocalDay, type UserPreferences } from '../model/user-preferences';
import { Mailer } from '../ports/mailer.port';
import { UserPreferencesRepository } from '../ports/user-preferences.repository.port';

/** Subscribers looked at per page, and tasks listed per digest (the mail says when there are more). */
const SUBSCRIBER_PAGE = 500;
const DIGEST_TASKS = 50;

/**
 * The daily digest: at the user's chosen local hour, once per local day, a mail listing their
 * open tasks due that local day and the overdue ones. Whoever inserts the (user, local date)
 * record sends; every other worker, scan or restart finds it and sends nothing.
 */
@Injectable()
export class DailyDigestSender {
  constructor(
    private readonly preferences: UserPreferencesRepository,
    private readonly users: UserRepository,
    private readonly tasks: TaskReadModel,
    private readonly mailer: Mailer,
  ) {}

  /** Sends the digests due at `now`; returns how many went out. */
  async sendDue(now: Date): Promise<number> {
    let sent = 0;
    let after: string | null = null;
    for (;;) {
      const page = await this.preferences.digestSubscribers(after, SUBSCRIBER_PAGE);
      for (const prefs of page) if (await this.sendOne(prefs, now)) sent++;
      const last = page.at(-1);
      if (page.length < SUBSCRIBER_PAGE || !last) return sent;
      after = last.userId;
    }
  }

  private async sendOne(prefs: UserPreferences, now: Date): Promise<boolean> {
    const localDate = prefs.digestDateAt(now);
    if (!localDate) return false;
    const user = await this.users.findById(prefs.userId);
    // Mail goes only to an address its owner proved is theirs.
    if (!user || !user.isActive || !user.emailConfirmed) return false;
    if (!(await this.preferences.claimDigest(user.id, localDate, now))) return false;
    try {
      const tasks = await this.tasks.list(user.id, {
        criteria: { status: OPEN_TASK_STATUSES, dueBefore: startOfNextLocalDay(now, prefs.timeZone), now },
        sort: 'dueDate',
        order: 'asc',
        after: null,
        limit: DIGEST_TASKS + 1,
      });
      await this.mailer.send({
        userId: user.id,
        to: user.email,
        idempotencyKey: `daily-digest:${user.id}:${localDate}`,
        ...digestMessage(user.name, localDate, prefs.timeZone, tasks, now),
      });
      return true;
    } catch (error) {
      // Not sent: free the day so the next scan in this hour tries again.
      await this.preferences.releaseDigest(user.id, localDate);
      throw error;
    }
  }
}

/** The digest's text and HTML parts; task titles are escaped in the HTML. */
export function digestMessage(
  name: string,
  localDate: string,
  timeZone: string,
  found: TaskView[],
  now: Date,
): { subject: string; text: string; html: string } {
  const tasks = found.slice(0, DIGEST_TASKS);
  const more = found.length > DIGEST_TASKS;
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' });
  const line = (t: TaskView) => {
    const due = t.dueDate as Date;
    return { title: t.title, when: time.format(due), overdue: due.getTime() <= now.getTime() };
  };
  const lines = tasks.map(line);
  const subject = `Your tasks for ${localDate}: ${tasks.length}${more ? '+' : ''} open`;
  const empty = 'Nothing is due today and nothing is overdue.';
  const text =
    `Hello ${name},\n\nYour open tasks due on ${localDate} (${timeZone}) and the overdue ones:\n\n` +
    (lines.length === 0 ? `${empty}\n` : lines.map((l) => `- ${l.title} — ${l.overdue ? 'overdue since' : 'due'} ${l.when}\n`).join('')) +
    (more ? `\n…and more in the app.\n` : '') +
    `\nYou get this digest because you turned it on in your preferences.\n`;
  const html =
    `<p>Hello ${escapeHtml(name)},</p><p>Your open tasks due on ${localDate} (${escapeHtml(timeZone)}) and the overdue ones:</p>` +
    (lines.length === 0
      ? `<p>${empty}</p>`
      : `<ul>${lines
          .map((l) => `<li><strong>${escapeHtml(l.title)}</strong> — ${l.overdue ? 'overdue since' : 'due'} ${escapeHtml(l.when)}</li>`)
          .join('')}</ul>`) +
    (more ? '<p>…and more in the app.</p>' : '') +
    '<p>You get this digest because you turned it on in your preferences.</p>';
  return { subject, text, html };
}
