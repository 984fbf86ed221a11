/**
 * Downloads Amazon's signing certificate chain with Node's fetch, bounded in time and size so a
 * slow or huge answer cannot hold a request (Alexa waits 8 s for the whole turn) or fill memory.
 */

/** Fetches the PEM text at an already-checked certificate URL. */
export type FetchCert = (url: string) => Promise<string>;

export interface DownloadCertOptions {
  /** Abort the download after this long. */
  timeoutMs?: number;
  /** Refuse answers larger than this; Amazon's chain is about 4 KB. */
  maxBytes?: number;
}

export const DEFAULT_CERT_TIMEOUT_MS = 3000;
export const DEFAULT_CERT_MAX_BYTES = 64 * 1024;

/** Errors name the URL, so the log says which download failed. */
export function createCertDownloader(options: DownloadCertOptions = {}): FetchCert {
  const timeoutMs = options.timeoutMs ?? DEFAULT_CERT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_CERT_MAX_BYTES;
  return async (url) => {
    // No redirects: the URL checks were made on this URL, not on wherever S3 might send us.
    const response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new Error(`certificate download from ${url} answered ${response.status}`);
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) {
      await response.body?.cancel();
      throw new Error(`certificate download from ${url} declares ${declared} bytes, over the ${maxBytes}-byte cap`);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        // The declared length may be missing or wrong, so the cap is enforced on what arrives.
        if (size > maxBytes) {
          await reader.cancel();
          throw new Error(`certificate download from ${url} passed the ${maxBytes}-byte cap`);
        }
        chunks.push(value);
      }
    }
    return Buffer.concat(chunks).toString('utf8');
  };
}
