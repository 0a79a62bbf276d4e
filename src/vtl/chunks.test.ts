/** Chunked parsing (a speed measure for large templates) must not change what a template means. */
import fc from 'fast-check'
import { parse } from 'velocityjs'
import { describe, expect, it } from 'vitest'
import { chunkBoundaries } from './chunks'
import { Interpreter } from './interpret'
import { makeInput } from './input'
import { parseChunked } from './parse'
import { LineIndex } from './positions'
import { scanTemplate } from './scan'
import { makeUtil } from './util'
import { renderTemplate } from './render'

const LINES = [
  '#set($a = 1)',
  '{"a": "$a", "b": "$input.path(\'$.x\')"}',
  '#if($a == 1)',
  '  yes $a',
  '#{else}',
  '  no',
  '#end',
  '## comment #if',
  '#* multi',
  'line #end comment *#',
  '#foreach($i in [1, 2, 3])',
  '  $i#if($foreach.hasNext),#end',
  '#end',
  '$util.escapeJavaScript(',
  '  $input.body)',
  '#macro(m $v)<$v>#end',
  '#m("x")',
  '#[[ raw',
  ' $x ]]#',
  'plain text',
]

function run(ast: ReturnType<typeof parse>, vars: [string, unknown][]): string {
  const globals = new Map<string, unknown>([['input', makeInput('{"x":"X"}')], ['util', makeUtil()], ['context', new Map()], ...vars])
  return new Interpreter(ast, globals, { sourceText: () => '', parse }).render()
}

function render(ast: ReturnType<typeof parse>): string {
  return run(ast, [])
}

describe('chunked parsing', () => {
  it('renders exactly like a whole-text parse (property, tiny chunks)', () => {
    const blocks = fc.array(fc.constantFrom(...['0-1', '2-6', '7', '8-9', '10-12', '13-14', '15-16', '17-18', '19', '1']), { minLength: 1, maxLength: 25 })
    fc.assert(
      fc.property(blocks, (picks) => {
        const text = picks
          .map((r) => {
            const [a, b] = r.split('-').map(Number)
            return LINES.slice(a, (b ?? a) + 1).join('\n')
          })
          .join('\n')
        const scan = scanTemplate(text)
        const chunked = parseChunked(text, scan, new LineIndex(text), 8)
        expect(chunked.ok).toBe(true)
        if (!chunked.ok) return
        // The whole text as one chunk gets the same Velocity 1.7 fix-ups (parse.ts); only the cutting differs.
        const whole = parseChunked(text, scan, new LineIndex(text), 1e9)
        if (!whole.ok) throw new Error('whole-text parse failed')
        expect(render(chunked.ast)).toBe(render(whole.ast))
      }),
      { numRuns: 200 },
    )
  })

  it('a one-line edit in a large template re-parses only its chunk and gives the same result as a cold parse', () => {
    const base = Array.from({ length: 400 }, (_, i) => `#if($a == ${i})\n  {"n": ${i}, "x": "$input.path('$.x')"}\n#end`).join('\n')
    const edited = base.replace('"n": 200,', '"n": 200, "edited": true,')
    const warm = parseChunked(base, scanTemplate(base), new LineIndex(base))
    expect(warm.ok).toBe(true)
    const viaCache = parseChunked(edited, scanTemplate(edited), new LineIndex(edited))
    const cold = parse(edited)
    expect(viaCache.ok).toBe(true)
    if (!viaCache.ok) return
    const render2 = (ast: ReturnType<typeof parse>) => run(ast, [['a', 200]])
    expect(render2(viaCache.ast)).toBe(render2(cold))
    expect(render2(viaCache.ast)).toContain('"edited": true')
  })

  it('never cuts inside a block, comment, or argument list', () => {
    const text = LINES.join('\n')
    const cuts = chunkBoundaries(text, scanTemplate(text), 8).map((c) => c.start)
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length - 1
    expect(cuts.map(lineOf)).toEqual([0, 1, 2, 7, 8, 10, 13, 15, 16, 17, 19])
  })

  it('reports positions in whole-text coordinates', () => {
    const big = `${'{"a": 1}\n'.repeat(600)}#set($x = ){}\n`
    const r = renderTemplate(big)
    expect(r).toMatchObject({ ok: false, error: { code: 'VTL004', range: { line: 601, column: 11 } } })
    const rt = renderTemplate(`${'x\n'.repeat(2000)}#set($s = "a")$s.substring(9)`)
    expect(rt).toMatchObject({ ok: false, error: { code: 'VTL011', range: { line: 2001, column: 15 } } })
  })
})
