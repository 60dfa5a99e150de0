import { Injectable } from '@nestjs/common';
import { IdGenerator } from '@primetrade/domain';
import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';

/** The namespace of Primetrade's name-based ids (a fixed random UUID; changing it changes every derived id). */
const DERIVED_ID_NAMESPACE = '5b1f0c2e-8d3a-4f6b-9c7e-2a4d6f8b0c1e';

/** UUIDv7: time-ordered, so new rows land at the end of B-tree indexes instead of all over them. */
@Injectable()
export class UuidV7IdGenerator extends IdGenerator {
  next(): string {
    return uuidv7();
  }

  derived(name: string): string {
    return uuidv5(name, DERIVED_ID_NAMESPACE);
  }
}
