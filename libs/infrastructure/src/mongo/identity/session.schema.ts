import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

@Schema({ collection: 'sessions', versionKey: false, id: false, timestamps: false })
export class SessionRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  userId!: string;

  @Prop({ type: String, required: true })
  familyId!: string;

  /** Hash of the refresh token; the token itself is never stored. */
  @Prop({ type: String, required: true })
  tokenHash!: string;

  @Prop({ type: Date, required: true })
  createdAt!: Date;

  @Prop({ type: Date, required: true })
  expiresAt!: Date;

  @Prop({ type: Date, default: null })
  rotatedAt!: Date | null;

  @Prop({ type: Date, default: null })
  revokedAt!: Date | null;

  @Prop({ type: String, default: null })
  userAgent!: string | null;

  /**
   * When the TTL monitor may remove this session: the expiry of the newest session of its
   * family (raised on every rotation), so a rotated token replayed after its own expiry is
   * still known and revokes the family.
   */
  @Prop({ type: Date, required: true })
  keepUntil!: Date;
}

export const SessionSchema = SchemaFactory.createForClass(SessionRecord);

SessionSchema.index({ tokenHash: 1 }, { name: 'tokenHash_unique', unique: true });
SessionSchema.index({ familyId: 1 }, { name: 'familyId' });
// A user's sessions (the session list, and ending them all after a password reset).
SessionSchema.index({ userId: 1, createdAt: -1 }, { name: 'userId_created' });
// TTL: the server's monitor removes a session once its family's `keepUntil` has passed (checked every ~60 s).
SessionSchema.index({ keepUntil: 1 }, { name: 'keepUntil_ttl', expireAfterSeconds: 0 });
