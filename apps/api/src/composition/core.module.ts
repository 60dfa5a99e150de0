import { type DynamicModule, Module } from '@nestjs/common';
import { Clock, IdGenerator, RecurrenceRules } from '@primetrade/domain';
import { RruleRecurrenceRules, SystemClock, UuidV7IdGenerator } from '@primetrade/infrastructure';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** The validated config, the clock, id generation and recurrence rules: what every module, adapters included, may inject. Global for that reason. */
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    const providers = [
      { provide: APP_CONFIG, useValue: config },
      { provide: Clock, useClass: SystemClock },
      { provide: IdGenerator, useClass: UuidV7IdGenerator },
      // Pure computation (RRULEs in their zones), needed by the task handlers in every profile.
      { provide: RecurrenceRules, useClass: RruleRecurrenceRules },
    ];
    return { module: CoreModule, global: true, providers, exports: providers.map((p) => p.provide) };
  }
}
