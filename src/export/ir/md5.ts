/**
 * MD5 of a UTF-8 string as lower-case hex. Only used for CDK-compatible logical ids (the same hash
 * aws-cdk-lib uses), so it must run in the browser too: no node:crypto.
 *
 * Written for a short-lived process: an export hashes a few hundred construct paths once each, mostly before
 * V8 has optimised anything. All arithmetic stays in int32 (`| 0`), which V8 keeps as small integers even in
 * the interpreter; uint32 values (`>>> 0`) above 2^31 would be boxed as heap numbers on every operation.
 */

const SHIFTS = new Int32Array([7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21])
const K = new Int32Array(64).map((_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0)
/** Message word used by each of the 64 steps. */
const G = new Int32Array(64).map((_, i) => (i < 16 ? i : i < 32 ? (5 * i + 1) % 16 : i < 48 ? (3 * i + 5) % 16 : (7 * i) % 16))
const encoder = new TextEncoder()
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

function utf8(text: string): Uint8Array {
  // Construct paths are ASCII almost always: copy the char codes instead of calling the encoder.
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c > 0x7f) return encoder.encode(text)
    bytes[i] = c
  }
  return bytes
}

export function md5Hex(text: string): string {
  const bytes = utf8(text)
  const paddedLength = (((bytes.length + 8) >>> 6) + 1) << 6
  const words = new Int32Array(paddedLength >> 2)
  for (let i = 0; i < bytes.length; i++) words[i >> 2] |= bytes[i] << ((i & 3) << 3)
  words[bytes.length >> 2] |= 0x80 << ((bytes.length & 3) << 3)
  words[words.length - 2] = bytes.length << 3
  words[words.length - 1] = Math.floor(bytes.length / 0x20000000)

  let a0 = 0x67452301
  let b0 = 0xefcdab89 | 0
  let c0 = 0x98badcfe | 0
  let d0 = 0x10325476
  for (let offset = 0; offset < words.length; offset += 16) {
    let a = a0
    let b = b0
    let c = c0
    let d = d0
    for (let i = 0; i < 64; i++) {
      const f = i < 16 ? (b & c) | (~b & d) : i < 32 ? (d & b) | (~d & c) : i < 48 ? b ^ c ^ d : c ^ (b | ~d)
      const shift = SHIFTS[((i >> 4) << 2) | (i & 3)]
      const sum = (((a + f) | 0) + ((K[i] + words[offset + G[i]]) | 0)) | 0
      a = d
      d = c
      c = b
      b = (b + ((sum << shift) | (sum >>> (32 - shift)))) | 0
    }
    a0 = (a0 + a) | 0
    b0 = (b0 + b) | 0
    c0 = (c0 + c) | 0
    d0 = (d0 + d) | 0
  }
  let hex = ''
  for (const word of [a0, b0, c0, d0]) for (let i = 0; i < 32; i += 8) hex += HEX[(word >>> i) & 0xff]
  return hex
}
