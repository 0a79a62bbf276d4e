/**
 * VTL engine timings: validate a 5 KB and a ~300 KB template cold (every block of the text is new, so no cache
 * helps), validate the 300 KB template after a one-line edit (the keystroke case, where unchanged chunks are
 * reused), render a 5 KB template against a 100 KB message; validation is measured in alternation with a bare
 * velocityjs parse of an equivalent text, so machine load affects both alike. A single long line of references at
 * 1, 2, 4 and 10 MB (issue 10: a 10 MB line validates and renders in under 2 s) shows every pass is linear: the
 * time per MB stays flat.
 */
import fc from 'fast-check'
import { parse } from 'velocityjs'
import { renderTemplate, validateTemplate } from '../src/vtl'
import { grammarTemplates } from '../src/vtl/grammarPieces'
import { fmt, measure, percentile, type BenchRow, type BenchSuite } from './lib'

/** One realistic block: JSON with context, JSONPath, escaping, a conditional and a loop. */
const BLOCK = (i: number, tag = '') => `  "item${i}${tag}": {
    "id": {"S": "\${context.connectionId}-${i}"},
    "room": {"S": "$util.escapeJavaScript($input.path('$.room')).replaceAll("\\\\'","'")"},
    #if($input.path('$.priority') == "high")"priority": {"N": "1"},#end
    "tags": {"L": [#foreach($t in $input.path('$.tags'))"$t"#if($foreach.hasNext),#end#end]},
    "at": {"N": "$context.requestTimeEpoch"}
  }`

/** `tag` makes every block (so every parse chunk) unique: a cold parse with nothing cached. */
function template(bytes: number, tag = ''): string {
  const blocks: string[] = []
  let size = 4
  for (let i = 0; size < bytes; i++) {
    const b = BLOCK(i, tag)
    blocks.push(b)
    size += b.length + 2
  }
  return `{\n${blocks.join(',\n')}\n}`
}

function message(bytes: number): string {
  const msg: Record<string, unknown> = { action: 'sendmessage', room: "o'hare lobby", priority: 'high', tags: ['a', 'b', 'c'], history: [] as unknown[] }
  const history = msg.history as unknown[]
  while (JSON.stringify(msg).length < bytes) history.push({ id: history.length, text: 'lorem ipsum dolor sit amet '.repeat(3), ok: true })
  return JSON.stringify(msg)
}

let counter = 0

const suite: BenchSuite = {
  title: 'vtl',
  async run(): Promise<BenchRow[]> {
    const t5 = template(5 * 1024)
    const t300 = template(299 * 1024)
    const m100 = message(100 * 1024)
    const opts = { routeKey: 'sendmessage', service: 'dynamodb', integrationType: 'aws' }
    if (validateTemplate(t5, opts).some((d) => d.severity === 'error')) throw new Error('bench template should be valid')

    // Engine and baseline are measured in alternation, so load from other processes affects both alike.
    const paired = async (prepare: () => [string, string], a: (t: string) => unknown, b: (t: string) => unknown, runs: number, warmup: number) => {
      const ta: number[] = []
      const tb: number[] = []
      for (let i = 0; i < warmup + runs; i++) {
        const [ia, ib] = prepare()
        const t0 = performance.now()
        a(ia)
        const t1 = performance.now()
        b(ib)
        const t2 = performance.now()
        if (i >= warmup) {
          ta.push(t1 - t0)
          tb.push(t2 - t1)
        }
      }
      const stats = (xs: number[]) => {
        xs.sort((x, y) => x - y)
        return { median: percentile(xs, 50), p95: percentile(xs, 95) }
      }
      return [stats(ta), stats(tb)] as const
    }
    // Cold: every block differs from run to run, so neither the parse cache nor the chunk cache can help.
    let run = 0
    const fresh5 = (): [string, string] => [template(5 * 1024, `v${++run}`), template(5 * 1024, `p${run}`)]
    const fresh300 = (): [string, string] => [template(299 * 1024, `v${++run}`), template(299 * 1024, `p${run}`)]
    const [validate5, parse5] = await paired(fresh5, (t) => validateTemplate(t, opts), (t) => parse(t), 61, 5)
    const [validate300, parse300] = await paired(fresh300, (t) => validateTemplate(t, opts), (t) => parse(t), 7, 1)
    const renderTexts = Array.from({ length: 46 }, (_, i) => template(5 * 1024, `r${i}`))
    let next = 0
    const render5 = await measure(() => renderTemplate(renderTexts[next++], { body: m100, routeKey: 'sendmessage' }), { runs: 41, warmup: 5 })

    // Keystroke: one line changes between validations; the other chunks come from the chunk cache.
    const lines300 = t300.split('\n')
    const mid = lines300.findIndex((l, i) => i > lines300.length / 2 && l.includes('"id"'))
    validateTemplate(t300, opts)
    const edit300 = await measure(() => {
      lines300[mid] = lines300[mid].replace(/-[\w]*"/, `-edit${++counter}"`)
      return validateTemplate(lines300.join('\n'), opts)
    }, { runs: 11, warmup: 2 })

    // One long line of references, 1 → 10 MB: validate (with its trial render) then render the same text, as the
    // editor does (the render reuses the validation's analysis and parse); a new text each run, so nothing is cached
    // across runs. Linear passes show the time growing with the size (ms per MB constant).
    const lineRows: BenchRow[] = []
    let perMb1 = 0
    for (const mb of [1, 2, 4, 10]) {
      const unit = "$context.requestId $input.path('$.id') "
      const line = (tag: number) => `${tag} ${unit.repeat(Math.ceil((mb * 1024 * 1024) / unit.length))}`
      let tag = 0
      const t = await measure(() => {
        const text = line(++tag)
        validateTemplate(text, { sampleMessage: '{"id":"7"}' })
        return renderTemplate(text, { body: '{"id":"7"}' })
      }, { runs: mb <= 2 ? 5 : 3, warmup: 1 })
      const perMb = t.median / mb
      if (mb === 1) perMb1 = perMb
      lineRows.push({
        name: `validate+render one ${mb} MB line of references`,
        median: t.median,
        goal: mb === 10 ? '< 2 s' : undefined,
        met: mb === 10 ? t.median < 2000 : undefined,
        note: `${fmt(perMb)} ms/MB (${fmt(perMb / perMb1)}× the 1 MB rate; linear = 1×)`,
      })
    }

    // Random ~10 KB templates built as hostile.test.ts's property test builds them (which proves each gives output
    // or located diagnostics): the slowest validate+render is what a hostile paste costs.
    const randomTemplates = fc.sample(grammarTemplates(), { numRuns: 60, seed: 10 })
    const randomTimes = randomTemplates.map((t) => {
      const start = performance.now()
      validateTemplate(t, { contentType: 'application/json' })
      renderTemplate(t, { body: '{"x":{"y":[1,2.5]},"a":1}' })
      return performance.now() - start
    }).sort((a, b) => a - b)
    const slowest = randomTimes[randomTimes.length - 1]
    const randomRow: BenchRow = { name: `slowest of ${randomTemplates.length} random ≤ 10 KB templates (validate+render)`, median: slowest, goal: '< 1 s', met: slowest < 1000, note: `median ${fmt(percentile(randomTimes, 50))} ms, p95 ${fmt(percentile(randomTimes, 95))} ms` }

    const ratio = (a: number, b: number) => `${fmt(a / b)}× bare velocityjs parse (${fmt(b)} ms)`
    return [
      { name: `validate 5 KB template (${t5.length} B)`, median: validate5.median, goal: '< 10 ms', met: validate5.median < 10, note: `p95 ${fmt(validate5.p95)} ms; ${ratio(validate5.median, parse5.median)}; goal ≤ 2×` },
      { name: `validate 300 KB template, cold (${t300.length} B)`, median: validate300.median, goal: '< 300 ms', met: validate300.median < 300, note: `p95 ${fmt(validate300.p95)} ms; ${ratio(validate300.median, parse300.median)}; goal ≤ 2×` },
      { name: `render 5 KB template, 100 KB message (${m100.length} B)`, median: render5.median, goal: '< 20 ms', met: render5.median < 20, note: `p95 ${fmt(render5.p95)} ms; ${ratio(render5.median, parse5.median)}` },
      { name: 'validate 300 KB template after a one-line edit', median: edit300.median, goal: '< 300 ms', met: edit300.median < 300, note: `p95 ${fmt(edit300.p95)} ms; unchanged chunks come from the chunk cache` },
      { name: 'bare velocityjs parse, 5 KB', median: parse5.median, note: 'baseline' },
      { name: 'bare velocityjs parse, 300 KB', median: parse300.median, note: 'baseline' },
      ...lineRows,
      randomRow,
    ]
  },
}

export default suite
