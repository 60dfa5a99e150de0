/** Hands a downloaded body to the browser as a file named `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Long enough for the download to start; the object URL is freed after.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
