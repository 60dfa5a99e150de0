/** Implemented by each persistence module so readiness can ping whichever store is wired. */
export abstract class PersistenceHealth {
  abstract readonly storeName: string;
  /** Resolves when the store answers; rejects otherwise. */
  abstract ping(): Promise<void>;
}
