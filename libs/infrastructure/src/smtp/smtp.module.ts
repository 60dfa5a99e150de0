import { type DynamicModule, Module } from '@nestjs/common';
import { Mailer } from '@primetrade/domain';
import { SmtpMailer, type SmtpMailerOptions } from './smtp-mailer';

/** Mail over SMTP (nodemailer): the Mailer port when SMTP_URL is set. */
@Module({})
export class SmtpModule {
  static forRoot(options: SmtpMailerOptions): DynamicModule {
    return { module: SmtpModule, providers: [{ provide: Mailer, useFactory: () => new SmtpMailer(options) }], exports: [Mailer] };
  }
}
