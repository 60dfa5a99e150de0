/**
 * Removes every record of a user from the store the app runs on — profile, sessions, tokens,
 * tasks and what is derived from them, notifications, attachment metadata, calendar feed,
 * stored responses, events and mail — in one transaction where the store has them, and leaves
 * nothing readable behind (the embedded store overwrites freed space and empties its journal).
 */
export abstract class AccountEraser {
  /** Returns the keys of the user's attachment files, for the file store to delete next. */
  abstract erase(userId: string): Promise<{ fileKeys: string[] }>;
}
