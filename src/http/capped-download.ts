/**
 * Downloads a file without ever holding more than `maxBytes` (+ one chunk) in memory: a
 * declared Content-Length over the cap is refused before reading, and the stream is
 * cancelled as soon as the running total passes it. For uploads from Slack and Teams.
 */
export async function cappedDownload(
  url: string,
  maxBytes: number,
  headers: Record<string, string> = {},
): Promise<Uint8Array | 'too-large'> {
  const response = await fetch(url, { headers, redirect: 'follow' });
  if (!response.ok || !response.body) throw new Error(`download failed: HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body.cancel();
    return 'too-large';
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      return 'too-large';
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** https anywhere, or http on this machine only (local trials and tests). */
export function isSafeDownloadUrl(text: string, allowedHosts?: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const loopback = host === 'localhost' || host === '::1' || host.startsWith('127.');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return false;
  return !allowedHosts || allowedHosts.includes(url.host) || allowedHosts.includes(host);
}
