/**
 * Ids shaped like API Gateway's: connection, request and message ids are 16 characters of base64 ending in `=`
 * (e.g. `L0SM9cOFvHcCIhw=`, AWS docs "WebSocket $context variables" examples). Uses Web Crypto, present in
 * browsers, workers and Node ≥ 19.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

export function randomId(): string {
  const bytes = new Uint8Array(15)
  globalThis.crypto.getRandomValues(bytes)
  let out = ''
  for (let i = 0; i < 15; i++) out += ALPHABET[bytes[i] & 63]
  return `${out}=`
}

/** Deterministic ids for tests: `id0000000000001=`, `id0000000000002=`, … */
export function sequentialIds(prefix = 'id'): () => string {
  let n = 0
  return () => `${prefix}${String(++n).padStart(15 - prefix.length, '0')}=`
}
