import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { md5Hex } from '../ir/md5'

describe('md5Hex', () => {
  it('agrees with node:crypto on ASCII, multi-byte UTF-8 and control characters, across block boundaries', () => {
    for (let length = 0; length < 200; length++) {
      for (const alphabet of ['abc/XYZ-09$', 'é€😀a', '\u0000\u007f\u0080']) {
        let text = ''
        for (let i = 0; i < length; i++) text += alphabet[(i * 7 + length) % alphabet.length]
        expect(md5Hex(text), JSON.stringify(text)).toBe(createHash('md5').update(text, 'utf8').digest('hex'))
      }
    }
  })
})
