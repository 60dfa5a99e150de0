// The identity context's public surface: other contexts and the outer layers import only this.
export * from './model/email';
export * from './model/user.entity';
export * from './model/session.entity';
export * from './model/identity.errors';
export * from './model/identity.events';
export * from './ports/user.repository.port';
export * from './ports/session.repository.port';
export * from './ports/password-hasher.port';
export * from './ports/token.service.port';
export * from './ports/account-token.repository.port';
export * from './ports/account-eraser.port';
export * from './application';
