/** Longest stored file name, in UTF-16 code units (file systems cap names near 255 bytes). */
export const MAX_FILE_NAME_LENGTH = 150;
const FALLBACK_NAME = 'attachment';

// C0/C1 controls, DEL, and the bidirectional overrides that make "evil‮gpj.exe" look like a picture.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Reserved on Windows; a name that is downloaded and saved there must stay a plain file name.
const RESERVED_CHARACTERS = /[<>:"|?*]/g;

/**
 * The name a client gave its file, made safe to store and to offer back in Content-Disposition:
 * only the last path segment, no controls, no leading dots (no hidden or relative names), no
 * reserved characters, at most MAX_FILE_NAME_LENGTH characters with the extension kept.
 * The name is only ever a label: storage keys are server-generated ids.
 */
export function sanitizeFileName(raw: string): string {
  const lastSegment = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  let name = lastSegment
    .replace(UNSAFE_CHARACTERS, '')
    .replace(RESERVED_CHARACTERS, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  if (name.length > MAX_FILE_NAME_LENGTH) name = shorten(name);
  return name || FALLBACK_NAME;
}

function shorten(name: string): string {
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  const stem = Array.from(name.slice(0, name.length - extension.length));
  // Cut by code points so a surrogate pair is never split in half.
  let kept = '';
  for (const char of stem) {
    if (kept.length + char.length + extension.length > MAX_FILE_NAME_LENGTH) break;
    kept += char;
  }
  return kept.replace(/[\s.]+$/, '') + extension;
}
