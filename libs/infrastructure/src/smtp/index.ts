// @primetrade/infrastructure/smtp — mail over SMTP. Loaded only when SMTP_URL is set.
export * from './smtp.module';
export * from './smtp-mailer';
