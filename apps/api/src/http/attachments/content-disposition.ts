/**
 * `attachment` with an ASCII fallback `filename` and the exact name as RFC 5987 / RFC 6266
 * `filename*` (UTF-8, percent-encoded), so no quote, semicolon or line break from a name can
 * reach the header unescaped.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
