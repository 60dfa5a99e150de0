import { type DynamicModule, Module } from '@nestjs/common';
import { Clock, IdGenerator } from '@primetrade/domain';
import { SystemClock, UuidV7IdGenerator } from '@primetrade/infrastructure';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** The validated config, the clock and id generation: what every module, adapters included, may inject. Global for that reason. */
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    const providers = [
      { provide: APP_CONFIG, useValue: config },
      { provide: Clock, useClass: SystemClock },
      { provide: IdGenerator, useClass: UuidV7IdGenerator },
    ];
    return { module: CoreModule, global: true, providers, exports: providers.map((p) => p.provide) };
  }
}
