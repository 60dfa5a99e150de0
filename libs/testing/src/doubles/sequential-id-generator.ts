import { IdGenerator } from '@primetrade/domain';

/** `id-0001`, `id-0002`, …: zero-padded so ids sort in creation order, as UUIDv7 ids do. */
export class SequentialIdGenerator extends IdGenerator {
  private counter = 0;

  constructor(private readonly prefix = 'id') {
    super();
  }

  next(): string {
    this.counter++;
    return `${this.prefix}-${String(this.counter).padStart(4, '0')}`;
  }

  derived(name: string): string {
    return `${this.prefix}-${name}`;
  }
}
