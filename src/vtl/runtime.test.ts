/** $util encoders, Java regex/string helpers and JSONPath, table-driven plus properties (fast-check). */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkJson } from './jsonCheck'
import { javaRegex, javaReplacement } from './javaRegex'
import { query } from './jsonPath'
import { toJava } from './json'
import { JDouble } from './values'
import { scanTemplate } from './scan'
import { base64Decode, base64Encode, escapeJavaScript, urlDecode, urlEncode } from './util'
import { validateTemplate } from './validate'
import { renderTemplate } from './render'

/** No lone surrogates (String.prototype.isWellFormed is ES2024, newer than the project's lib). */
const isWellFormed = (s: string) => !/\p{Surrogate}/u.test(s)

describe('$util encoders (java.net.URLEncoder, commons-lang, RFC 4648)', () => {
  it.each([
    ['hello world', 'hello+world'],
    ['x=a+b', 'x%3Da%2Bb'],
    ["a'b(c)!~", 'a%27b%28c%29%21%7E'],
    ['ü', '%C3%BC'],
    ['😀', '%F0%9F%98%80'],
  ])('urlEncode(%j) = %j', (s, e) => expect(urlEncode(s)).toBe(e))

  it.each([
    ['tab\there', 'tab\\there'],
    ['a/b', 'a\\/b'],
    ['\u0001', '\\u0001'],
    ['é', '\\u00E9'],
    ['"\'\\', '\\"\\\'\\\\'],
  ])('escapeJavaScript(%j) = %j', (s, e) => expect(escapeJavaScript(s)).toBe(e))

  it('urlDecode rejects broken escapes like Java does', () => {
    expect(() => urlDecode('%ZZ')).toThrow()
  })

  it('round trips (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const wellFormed = isWellFormed(s)
        if (!wellFormed) return
        expect(urlDecode(urlEncode(s))).toBe(s)
        expect(base64Decode(base64Encode(s))).toBe(s)
        expect(urlEncode(s)).toMatch(/^[A-Za-z0-9.\-*_+%]*$/)
      }),
      { numRuns: 300 },
    )
  })

  it('escapeJavaScript + the replaceAll idiom always yields a valid JSON string body (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const inner = escapeJavaScript(s).replace(/\\'/g, "'")
        expect(checkJson(`"${inner}"`)).toEqual({ ok: true })
        if (isWellFormed(s)) expect(JSON.parse(`"${inner}"`)).toBe(s)
      }),
      { numRuns: 300 },
    )
  })

  it('base64 matches the platform encoder', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(base64Encode(s)).toBe(Buffer.from(s, 'utf8').toString('base64'))
      }),
      { numRuns: 200 },
    )
  })
})

describe('Java regex translation', () => {
  it.each([
    ['(?i)abc', 'ABC', true],
    ['\\Aab\\z', 'ab', true],
    ['\\p{Alpha}+', 'abc', true],
    ['\\QA.B\\E', 'A.B', true],
    ['\\QA.B\\E', 'AxB', false],
    ['a++b', 'aab', true],
    ['[a+]+', 'a+a', true],
    ['a{2}+', 'aa', true],
  ])('%s matches %j: %s', (re, s, ok) => expect(javaRegex(re, '', true).test(s)).toBe(ok))

  it('replacement syntax: $n, ${name}, \\$', () => {
    expect('a1'.replace(javaRegex('(?<l>[a-z])(\\d)', 'g'), javaReplacement('$2${l}\\$'))).toBe('1a$')
    expect(() => 'a'.replace(javaRegex('a'), javaReplacement('$1'))).toThrow()
  })
})

describe('JSONPath (Jayway subset)', () => {
  const doc = toJava({ store: { book: [{ t: 'a', p: 8 }, { t: 'b', p: 12 }, { t: 'c', p: 9 }], bike: { p: 20 } }, 'odd key': 1 })
  it.each([
    ['$.store.book[0].t', 'a'],
    ['$.store.book[-1].t', 'c'],
    ["$['odd key']", 1],
    ['$.store.book[*].t', ['a', 'b', 'c']],
    ['$.store.book[0,2].t', ['a', 'c']],
    ['$.store.book[1:].t', ['b', 'c']],
    ['$..p', [8, 12, 9, 20]],
    ['$.store.book[?(@.p > 8 && @.p < 12)].t', ['c']],
    ['$.store.book[?(@.t == "b" || @.t == \'a\')].p', [8, 12]],
    ['$.missing', undefined],
  ])('%s', (path, value) => expect(query(path, doc).value).toEqual(value))

  it('rejects malformed paths', () => {
    expect(() => query('$[', doc)).toThrow()
    expect(() => query('$.a.nope()', doc)).toThrow()
  })

  // Jayway PathCompiler: a path not starting with $ or @ is read as "$." + path.
  it("reads a path without $ as $.path ('store.bike.p')", () => expect(query('store.bike.p', doc).value).toBe(20))

  // Jayway path functions (README "Functions"): length() of a list or map, numeric ones as Double.
  it.each([
    ['$.store.book.length()', 3],
    ['$.store.length()', 2],
    ['$.store.book[*].p.max()', new JDouble(12)],
    ['$.store.book[*].p.sum()', new JDouble(29)],
    ['$.store.keys()', ['book', 'bike']],
  ])('function %s', (path, value) => expect(query(path, doc).value).toEqual(value))
})

describe('robustness (property)', () => {
  const vtlish = fc.array(
    fc.constantFrom(
      ...['#if($a)', '#else', '#elseif($b)', '#end', '#foreach($i in $l)', '#{end}', '#set($a = 1)', '$a', '$!{b.c}', '"', "'", '#*', '*#', '#[[', ']]#', '##'],
      ...['\n', 'text', '(', ')', '\\#', '$input.path(\'$.x\')', '{', '}', '#{if}(', '[', ']', ',', '#macro(', '#@m()', '$a.b(', '==', '#define($d)', '$util.x(', '${', '.', '..'],
    ),
    { maxLength: 40 },
  )
  it('validateTemplate and renderTemplate never throw', () => {
    fc.assert(
      fc.property(vtlish, (parts) => {
        const t = parts.join('')
        // Not only no throw: the internal safety nets must not be what caught it either.
        const v = validateTemplate(t, { contentType: 'application/json' })
        expect(v.filter((d) => /validator failed/.test(d.message))).toEqual([])
        const r = renderTemplate(t, { body: '{"x":1}' })
        if (!r.ok) expect(r.error.message).not.toMatch(/TypeError|Cannot read/)
      }),
      { numRuns: 1500 },
    )
  })
  it('the scanner keeps offsets: masked and normalized texts have the input length', () => {
    fc.assert(
      fc.property(vtlish, (parts) => {
        const t = parts.join('')
        const s = scanTemplate(t)
        expect(s.masked.length).toBe(t.length)
        expect(s.normalized.length).toBe(t.length)
      }),
      { numRuns: 300 },
    )
  })
  it('balanced nestings render without balance errors', () => {
    const block: fc.Memo<string> = fc.memo((n) =>
      n <= 1 ? fc.constantFrom('x', '$a', '') : fc.oneof(fc.tuple(block(n - 1), block(n - 1)).map(([a, b]) => `#if($a)${a}#{else}${b}#end`), block(n - 1).map((a) => `#foreach($i in [1,2])${a}#end`)),
    )
    fc.assert(
      fc.property(block(4), (t) => {
        const codes = validateTemplate(t).map((d) => d.code)
        expect(codes.filter((c) => ['VTL001', 'VTL002', 'VTL003', 'VTL004'].includes(c))).toEqual([])
      }),
      { numRuns: 200 },
    )
  })
})
