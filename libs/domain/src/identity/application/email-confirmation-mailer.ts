import { Injectable } from '@nestjs/common';
import { Mailer } from '../../notifications';
import { Clock } from '../../shared/ports/clock.port';
import type { User } from '../model/user.entity';
import { AccountTokenRepository } from '../ports/account-token.repository.port';
import { TokenService } from '../ports/token.service.port';
import { escapeHtml } from '../../shared/application/escape-html';

/** How long a confirmation link works. */
export const EMAIL_CONFIRMATION_TTL_MS = 24 * 3_600_000;

/**
 * Mails a single-use link that proves an address is the user's: the current one (after sign-up,
 * or asked again) or a new one (a change takes effect when it is followed). The token is random
 * and stored only as a hash, with the address it confirms.
 */
@Injectable()
export class EmailConfirmationMailer {
  constructor(
    private readonly tokens: AccountTokenRepository,
    private readonly tokenService: TokenService,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
  ) {}

  /** Returns the mail on its way: the caller answers without waiting for the mail server. */
  async send(user: User, address: string, confirmPageUrl: string): Promise<{ delivery: Promise<void> }> {
    const token = this.tokenService.newRefreshToken();
    const tokenHash = this.tokenService.hashRefreshToken(token);
    const now = this.clock.now();
    await this.tokens.save(
      {
        purpose: 'email-confirmation',
        tokenHash,
        userId: user.id,
        email: address,
        expiresAt: new Date(now.getTime() + EMAIL_CONFIRMATION_TTL_MS),
      },
      now,
    );
    const link = `${confirmPageUrl}?token=${encodeURIComponent(token)}`;
    const change = address !== user.email;
    const what = change ? 'make this your new Primetrade address' : 'confirm your Primetrade address';
    const delivery = this.mailer.send({
      userId: user.id,
      to: address,
      subject: change ? 'Confirm your new Primetrade address' : 'Confirm your Primetrade address',
      text: `Hello ${user.name},\n\nFollow this link within 24 hours to ${what}:\n\n${link}\n\nIf you did not ask for it, ignore this mail.\n`,
      html:
        `<p>Hello ${escapeHtml(user.name)},</p><p><a href="${escapeHtml(link)}">Follow this link</a> within 24 hours to ${what}.</p>` +
        '<p>If you did not ask for it, ignore this mail.</p>',
      idempotencyKey: `email-confirmation.${tokenHash}`,
    });
    return { delivery };
  }
}
