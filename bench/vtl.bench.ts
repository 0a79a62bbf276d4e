/**
 * VTL engine timings: validate a 5 KB and a ~300 KB template, render a 5 KB template against a 100 KB
 * message, each next to a bare velocityjs parse of the same text. Every run uses a fresh text (a counter
 * comment is appended) so the engine's parse cache cannot make the numbers look better than a keystroke.
 */
import { parse } from 'velocityjs'
import { renderTemplate, validateTemplate } from '../src/vtl'
import { fmt, measure, percentile, type BenchRow, type BenchSuite } from './lib'

/** One realistic block: JSON with context, JSONPath, escaping, a conditional and a loop. */
const BLOCK = (i: number) => `  "item${i}": {
    "id": {"S": "\${context.connectionId}-${i}"},
    "room": {"S": "$util.escapeJavaScript($input.path('$.room')).replaceAll("\\\\'","'")"},
    #if($input.path('$.priority') == "high")"priority": {"N": "1"},#end
    "tags": {"L": [#foreach($t in $input.path('$.tags'))"$t"#if($foreach.hasNext),#end#end]},
    "at": {"N": "$context.requestTimeEpoch"}
  }`

function template(bytes: number): string {
  const blocks: string[] = []
  let size = 4
  for (let i = 0; size < bytes; i++) {
    const b = BLOCK(i)
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
const fresh = (t: string) => `${t}\n## run ${++counter}`

const suite: BenchSuite = {
  title: 'vtl',
  async run(): Promise<BenchRow[]> {
    const t5 = template(5 * 1024)
    const t300 = template(299 * 1024)
    const m100 = message(100 * 1024)
    const opts = { routeKey: 'sendmessage', service: 'dynamodb', integrationType: 'aws' }
    if (validateTemplate(t5, opts).some((d) => d.severity === 'error')) throw new Error('bench template should be valid')

    // Engine and baseline are measured in alternation, so load from other processes affects both alike.
    const paired = async (a: () => unknown, b: () => unknown, runs: number, warmup: number) => {
      const ta: number[] = []
      const tb: number[] = []
      for (let i = 0; i < warmup + runs; i++) {
        const t0 = performance.now()
        a()
        const t1 = performance.now()
        b()
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
    const [validate5, parse5] = await paired(() => validateTemplate(fresh(t5), opts), () => parse(fresh(t5)), 61, 5)
    const [validate300, parse300] = await paired(() => validateTemplate(fresh(t300), opts), () => parse(fresh(t300)), 7, 1)
    const render5 = await measure(() => renderTemplate(fresh(t5), { body: m100, routeKey: 'sendmessage' }), { runs: 41, warmup: 5 })

    const ratio = (a: number, b: number) => `${fmt(a / b)}× bare velocityjs parse (${fmt(b)} ms)`
    return [
      { name: `validate 5 KB template (${t5.length} B)`, median: validate5.median, goal: '< 10 ms', met: validate5.median < 10, note: `p95 ${fmt(validate5.p95)} ms; ${ratio(validate5.median, parse5.median)}; goal ≤ 2×` },
      { name: `validate 300 KB template (${t300.length} B)`, median: validate300.median, goal: '< 300 ms', met: validate300.median < 300, note: `p95 ${fmt(validate300.p95)} ms; ${ratio(validate300.median, parse300.median)}; goal ≤ 2×` },
      { name: `render 5 KB template, 100 KB message (${m100.length} B)`, median: render5.median, goal: '< 20 ms', met: render5.median < 20, note: `p95 ${fmt(render5.p95)} ms; ${ratio(render5.median, parse5.median)}` },
      { name: 'bare velocityjs parse, 5 KB', median: parse5.median, note: 'baseline' },
      { name: 'bare velocityjs parse, 300 KB', median: parse300.median, note: 'baseline' },
    ]
  },
}

export default suite
