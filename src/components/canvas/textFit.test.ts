import { afterEach, describe, expect, it } from 'vitest'
import { fitsColumn, nodeTextFits, setTextMeasure, TEXT_COLUMN } from './textFit'

afterEach(() => setTextMeasure(undefined))

describe('node text fit', () => {
  it('the text column is what canvas.css leaves of a 240 px node', () => {
    expect(TEXT_COLUMN).toBe(173)
  })

  it('fits only with the slack free, and clips what cannot be measured', () => {
    expect(fitsColumn(100, 173)).toBe(true)
    expect(fitsColumn(170, 173)).toBe(true)
    expect(fitsColumn(171, 173)).toBe(false)
    expect(fitsColumn(undefined, 173)).toBe(false)
  })

  it('measures each role in its own font, once per text', () => {
    const asked: string[] = []
    setTextMeasure((font, text) => {
      asked.push(`${font}|${text}`)
      return text.length * (font.startsWith('600 16px') ? 10 : 7)
    })
    expect(nodeTextFits('title', 'x'.repeat(17))).toBe(true) // 170 px
    expect(nodeTextFits('title', 'x'.repeat(18))).toBe(false) // 180 px
    expect(nodeTextFits('detail', 'x'.repeat(24))).toBe(true) // 168 px in 13 px monospace
    expect(nodeTextFits('caption', 'x'.repeat(24), 100)).toBe(false)
    expect(nodeTextFits('title', 'x'.repeat(17))).toBe(true)
    expect(asked).toHaveLength(4)
    expect(asked[2]).toMatch(/^13px ui-monospace, monospace\|/)
  })

  it('clips everything when there is no canvas to measure with', () => {
    setTextMeasure(() => undefined)
    expect(nodeTextFits('title', 'a')).toBe(false)
  })
})
