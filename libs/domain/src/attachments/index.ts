export * from './model/attachment.entity';
export * from './model/attachment.errors';
export * from './model/content-type';
export * from './model/file-name';
export * from './ports/attachment.repository.port';
export * from './ports/file-storage.port';
export * from './application';
