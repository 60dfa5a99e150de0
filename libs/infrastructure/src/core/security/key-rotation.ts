/** What a key-rotation run (any store) has looked at and re-sealed so far. */
export interface RotationProgress {
  /** Values looked at / values re-sealed with the active key. */
  users: { scanned: number; resealed: number };
  /** Task rows looked at / sealed or re-sealed (title and description, ENCRYPT_TASK_CONTENT). */
  tasks: { scanned: number; resealed: number };
  /** Notifications (their copied task title) and stored mail (recipient, subject, body). */
  notifications: { scanned: number; resealed: number };
  outbox: { scanned: number; resealed: number };
  /** Webhooks (their signing secret). */
  webhooks: { scanned: number; resealed: number };
  files: { scanned: number; resealed: number };
}

export interface RotationOptions {
  batchSize?: number;
  /** Called after each batch (progress logging). */
  onBatch?: (progress: RotationProgress) => void;
}
