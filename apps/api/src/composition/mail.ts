import { type DynamicModule, Module } from '@nestjs/common';
import { Mailer } from '@primetrade/domain';
import { OutboxMailer } from '@primetrade/infrastructure';
import type { AppConfig } from '../config/app-config';

/** Mail kept in the store's outbox (shown in the app) when no SMTP server is configured. */
@Module({})
class OutboxMailModule {
  static forRoot(): DynamicModule {
    return { module: OutboxMailModule, providers: [{ provide: Mailer, useExisting: OutboxMailer }], exports: [Mailer] };
  }
}

/** The Mailer port for the profile: SMTP (nodemailer loaded only then) or the store's outbox. */
export async function mailModule(config: AppConfig): Promise<DynamicModule> {
  switch (config.profile.mail) {
    case 'smtp': {
      const { SmtpModule } = await import('@primetrade/infrastructure/smtp');
      if (!config.mail.smtpUrl) throw new Error('the smtp profile needs SMTP_URL');
      return SmtpModule.forRoot({ url: config.mail.smtpUrl, from: config.mail.from });
    }
    case 'outbox':
      return OutboxMailModule.forRoot();
  }
}
