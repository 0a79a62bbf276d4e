/** The frame-header reader behind the 32 KB frame limit (RFC 6455 §5.2 framing; masked client frames). */
import { describe, expect, it } from 'vitest'
import { FrameScanner } from './frameScanner'

/** A masked client frame as RFC 6455 §5.2 lays it out. */
function frame(opcode: number, fin: boolean, payloadLength: number): Uint8Array {
  const lenBytes = payloadLength < 126 ? [payloadLength | 0x80] : payloadLength < 65536 ? [126 | 0x80, payloadLength >> 8, payloadLength & 0xff] : [127 | 0x80, 0, 0, 0, 0, (payloadLength >>> 24) & 0xff, (payloadLength >> 16) & 0xff, (payloadLength >> 8) & 0xff, payloadLength & 0xff]
  const head = [(fin ? 0x80 : 0) | opcode, ...lenBytes, 1, 2, 3, 4]
  const out = new Uint8Array(head.length + payloadLength)
  out.set(head)
  out.fill(0x61, head.length)
  return out
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

describe('FrameScanner', () => {
  it('reports the largest frame per message: single frames, fragments (7-, 16- and 64-bit lengths), control frames between fragments', () => {
    const s = new FrameScanner()
    s.push(concat(frame(1, true, 5), frame(1, false, 300), frame(9, true, 4), frame(0, false, 70000), frame(0, true, 10)))
    expect(s.takeMessage()).toBe(5)
    expect(s.takeMessage()).toBe(70000)
    expect(s.takeMessage()).toBeUndefined()
  })

  it('works whatever the chunking: one byte at a time gives the same answer', () => {
    const s = new FrameScanner()
    const bytes = concat(frame(1, false, 40000), frame(10, true, 0), frame(0, true, 200), frame(2, true, 126))
    for (const b of bytes) s.push(Uint8Array.of(b))
    expect([s.takeMessage(), s.takeMessage(), s.takeMessage()]).toEqual([40000, 126, undefined])
  })

  it('an incomplete message is not reported until its final frame header arrives', () => {
    const s = new FrameScanner()
    const f = frame(1, false, 1000)
    s.push(f)
    expect(s.takeMessage()).toBeUndefined()
    s.push(frame(0, true, 3).subarray(0, 3))
    expect(s.takeMessage()).toBeUndefined()
    s.push(frame(0, true, 3).subarray(3))
    expect(s.takeMessage()).toBe(1000)
  })
})
