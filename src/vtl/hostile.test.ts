/**
 * Hostile templates at full size (issue 10, "Hostile templates"): deep nesting, megabyte literals and lines, huge
 * loops and bodies. Each gives output or a located diagnostic; none throws, overflows the stack or hangs. Timing
 * goals live in bench/vtl.bench.ts, never here.
 */
import fc from 'fast-check'
import { parse } from 'velocityjs'
import { describe, expect, it } from 'vitest'
import { fastParse } from './fastParse'
import { MAX_EXPRESSION_DEPTH, MAX_NESTING } from './limits'
import { grammarTemplates } from './grammarPieces'
import { renderTemplate } from './render'
import { validateTemplate } from './validate'

const located = (t: string) => {
  const v = validateTemplate(t)
  const r = renderTemplate(t)
  return { v, r }
}

describe('deep nesting gets a located VTL027, never a stack overflow at 1:1', () => {
  it.each([5_000, 50_000])('%i nested #if', (n) => {
    const t = `{\n${'#if(true)'.repeat(n)}x${'#end'.repeat(n)}\n}`
    const { v, r } = located(t)
    const d = v.find((x) => x.code === 'VTL027')
    expect(d?.message).toContain(`deeper than ${MAX_NESTING}`)
    expect(d?.range).toMatchObject({ line: 2, column: MAX_NESTING * 9 + 1 })
    expect(r).toMatchObject({ ok: false, error: { code: 'VTL027', range: { line: 2 } } })
    expect(JSON.stringify(v)).not.toMatch(/call stack/i)
  })

  it.each([10_000, 100_000])('%i nested parentheses in #set', (n) => {
    const t = `#set($a = ${'('.repeat(n)}1${')'.repeat(n)})$a`
    const { v, r } = located(t)
    expect(v.map((d) => d.code)).toContain('VTL027')
    expect(v.find((d) => d.code === 'VTL027')?.range).toMatchObject({ line: 1, column: 10 + MAX_EXPRESSION_DEPTH })
    expect(r).toMatchObject({ ok: false, error: { code: 'VTL027' } })
  })

  it.each([10_000, 100_000])('%i nested method calls in text', (n) => {
    const t = `${'$a.b('.repeat(n)}1${')'.repeat(n)}`
    expect(validateTemplate(t).map((d) => d.code)).toContain('VTL027')
  })

  it('nested lists and maps in #set', () => {
    const t = `#set($a = ${'[{"k": '.repeat(20_000)}1${'}]'.repeat(20_000)})`
    expect(validateTemplate(t).map((d) => d.code)).toContain('VTL027')
  })

  it('a 10 MB string literal is refused with its line', () => {
    const t = `\n#set($a = "${'x'.repeat(10_000_000)}")$a.length()`
    const { v, r } = located(t)
    expect(v.find((d) => d.code === 'VTL027')).toMatchObject({ range: { line: 2, column: 11 } })
    expect(r).toMatchObject({ ok: false, error: { code: 'VTL027', range: { line: 2 } } })
  })

  it('nesting at the limit still works', () => {
    const n = MAX_NESTING
    const r = renderTemplate(`${'#if(true)'.repeat(n)}deep${'#end'.repeat(n)}`)
    expect(r).toEqual({ ok: true, output: 'deep', warnings: [] })
  })
})

describe('a single 10 MB line', () => {
  it('of references validates (only the size error) and renders', () => {
    const unit = '$context.requestId $input.path(\'$.id\') '
    const t = unit.repeat(Math.ceil(10_000_000 / unit.length))
    expect(validateTemplate(t, { sampleMessage: '{"id":"7"}' }).map((d) => d.code)).toEqual(['VTL006'])
    const r = renderTemplate(t, { body: '{"id":"7"}', context: { requestId: 'R' } })
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.output.slice(0, 8)).toBe('R 7 R 7 ')
  })

  it('reports a syntax error deep in the line at its true column', () => {
    const head = '$a '.repeat(100_000)
    const r = renderTemplate(`${head}#set($x = )`)
    expect(r).toMatchObject({ ok: false, error: { code: 'VTL004', range: { line: 1, column: head.length + 11 } } })
  })
})

describe('the fast parser yields velocityjs nodes', () => {
  const piece = fc.constantFrom('$a', '$a.b', '${a.b}', '$!a', '$!{a.c}', "$input.path('$.x')", '$input.json("$.y")', '$a.b(1, 2)', '$a.b()', ' ', 'text', '\n', '.', '$', '"', ':', '{', '}', '1', ',')
  it('same references, same positions, same text (property)', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const t = parts.join('')
        const fast = fastParse(t)
        if (!fast) return
        const refs = (ast: unknown[]) => ast.filter((n) => typeof n !== 'string')
        const text = (ast: unknown[]) => ast.filter((n) => typeof n === 'string').join('')
        let slow: ReturnType<typeof parse>
        try {
          slow = parse(t)
        } catch {
          return // velocityjs rejects it; the fast parser must not be asked (callers run velocityjs on failure) —
        }
        expect(refs(fast)).toEqual(refs(slow))
        expect(text(fast)).toBe(text(slow))
      }),
      { numRuns: 1000 },
    )
  })
})


describe('random templates from the grammar (property)', () => {
  it('never throw and always give output or located diagnostics, for ~10 KB inputs', () => {
    fc.assert(
      fc.property(grammarTemplates(), (t) => {
        const started = performance.now()
        const v = validateTemplate(t, { contentType: 'application/json' })
        for (const d of v) {
          expect(d.range?.line).toBeGreaterThanOrEqual(1)
          expect(d.message).not.toMatch(/call stack|validator failed|TypeError|Cannot read/)
        }
        const r = renderTemplate(t, { body: '{"x":{"y":[1,2.5]},"a":1}' })
        if (r.ok) expect(typeof r.output).toBe('string')
        else {
          expect(r.error.range?.line).toBeGreaterThanOrEqual(1)
          expect(r.error.message).not.toMatch(/call stack|TypeError|Cannot read/)
        }
        // A hang guard, not a timing goal (those live in bench/vtl.bench.ts).
        expect(performance.now() - started).toBeLessThan(10_000)
      }),
      { numRuns: 150 },
    )
  })
})
