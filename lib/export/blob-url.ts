/** A Blob URL for a JSON text, for the downloads API in extension pages (panel, library). */
export function jsonBlobUrl(json: string): string {
  return URL.createObjectURL(new Blob([json], { type: 'application/json' }));
}

export function revokeBlobUrl(url: string): void {
  URL.revokeObjectURL(url);
}
