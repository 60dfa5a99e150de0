/** Upload limits from configuration, bound by the composition root. */
export abstract class AttachmentLimits {
  abstract readonly maxBytes: number;
  abstract readonly maxPerTask: number;
}
