/**
 * Reads the WebSocket frame headers of what a client sends (RFC 6455 §5.2) so the emulator can apply API Gateway's
 * 32 KB frame limit: `ws` reassembles fragmented messages and its `maxPayload` bounds whole messages only.
 * It never touches the bytes `ws` parses; it skips payloads by their declared length and, per completed message,
 * reports the largest frame it arrived in. Control frames (opcode ≥ 8) may sit between fragments and count for nothing.
 */

export class FrameScanner {
  /** Header bytes of the frame being read (at most 14: 2 + 8 length + 4 mask). */
  private header: number[] = []
  /** Payload bytes of the current frame still to skip. */
  private skip = 0
  /** Largest data frame of the message in progress. */
  private largest = 0
  /** Largest frame of each completed message, oldest first, for the host to take in `ws`'s message order. */
  private readonly done: number[] = []

  /** Feeds the next chunk of the client's byte stream. */
  push(chunk: Uint8Array): void {
    let i = 0
    while (i < chunk.length) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - i)
        this.skip -= n
        i += n
        continue
      }
      this.header.push(chunk[i++])
      const need = headerLength(this.header)
      if (need === undefined || this.header.length < need) continue
      this.frame(this.header)
      this.header = []
    }
  }

  /** The largest frame of the oldest message `ws` has not taken yet (undefined if none is complete). */
  takeMessage(): number | undefined {
    return this.done.shift()
  }

  private frame(h: number[]): void {
    const fin = (h[0] & 0x80) !== 0
    const opcode = h[0] & 0x0f
    const length = payloadLength(h)
    this.skip = length
    if (opcode >= 8) return
    this.largest = Math.max(this.largest, length)
    if (fin) {
      this.done.push(this.largest)
      this.largest = 0
    }
  }
}

/** The full header length once its first two bytes are known (masked client frames add 4 bytes of key). */
function headerLength(h: number[]): number | undefined {
  if (h.length < 2) return undefined
  const len7 = h[1] & 0x7f
  const mask = h[1] & 0x80 ? 4 : 0
  return 2 + (len7 === 126 ? 2 : len7 === 127 ? 8 : 0) + mask
}

function payloadLength(h: number[]): number {
  const len7 = h[1] & 0x7f
  if (len7 < 126) return len7
  if (len7 === 126) return (h[2] << 8) | h[3]
  // 64-bit length; frames past 2^53 bytes are rejected by ws's maxPayload long before the number matters.
  let n = 0
  for (let k = 2; k < 10; k++) n = n * 256 + h[k]
  return n
}
