import { type DynamicModule, Module } from '@nestjs/common';
import { jwtKey, SecurityModule } from '@primetrade/infrastructure';
import type { AppConfig } from '../config/app-config';
import { mailModule } from './mail';
import { messagingModule } from './messaging';
import { storeModule } from './store';

/**
 * Every driven port bound once, for the deployment profile decided in config: the store, the
 * messaging, the mail, and password/token security. Global so that each context's HTTP module
 * reaches the ports without importing technology modules itself.
 */
@Module({})
export class AdaptersModule {
  static async forRoot(config: AppConfig): Promise<DynamicModule> {
    if (!config.jwt.secret) throw new Error('AdaptersModule needs a resolved JWT secret');
    const modules = [
      SecurityModule.forRoot({
        key: jwtKey(config.jwt.secret),
        issuer: config.jwt.issuer,
        audience: config.jwt.audience,
        accessTtlSeconds: config.jwt.accessTtlSeconds,
        refreshTtlSeconds: config.jwt.refreshTtlSeconds,
      }),
      await storeModule(config),
      await messagingModule(config),
      await mailModule(config),
    ];
    return { module: AdaptersModule, global: true, imports: modules, exports: modules };
  }
}
