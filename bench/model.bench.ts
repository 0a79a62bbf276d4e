import { checkDocument } from '../src/model/checks'
import { parseDocument } from '../src/model/document/parse'
import { serializeDocument } from '../src/model/document/serialize'
import { largeDesign } from '../src/model/largeDesign'
import { fmt, measure, type BenchSuite } from './lib'

const suite: BenchSuite = {
  title: 'model',
  async run() {
    const text = serializeDocument(largeDesign(300))
    const parse = await measure(() => parseDocument(text))
    const parsed = parseDocument(text)
    if (!parsed.ok) throw new Error('large design did not parse')
    const check = await measure(() => checkDocument(parsed.document))
    const serialise = await measure(() => serializeDocument(parsed.document))
    const total = await measure(() => {
      const p = parseDocument(text)
      if (!p.ok) throw new Error('parse failed')
      checkDocument(p.document)
      serializeDocument(p.document)
    })
    return [
      {
        name: 'parse + check + serialise, 300 routes',
        median: total.median,
        goal: '< 50 ms',
        met: total.median < 50,
        note: `p95 ${fmt(total.p95)} ms; parse ${fmt(parse.median)}, check ${fmt(check.median)}, serialise ${fmt(serialise.median)} ms; ${(text.length / 1024).toFixed(0)} KB YAML`,
      },
    ]
  },
}
export default suite
