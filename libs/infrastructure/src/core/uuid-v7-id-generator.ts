import { Injectable } from '@nestjs/common';
import { IdGenerator } from '@primetrade/domain';
import { v7 as uuidv7 } from 'uuid';

/** UUIDv7: time-ordered, so new rows land at the end of B-tree indexes instead of all over them. */
@Injectable()
export class UuidV7IdGenerator extends IdGenerator {
  next(): string {
    return uuidv7();
  }
}
