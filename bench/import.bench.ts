import { dump, load } from 'js-yaml'
import { importTemplate, importTemplateSync } from '../src/import'
import { fixtureTemplate } from '../src/import/__fixtures__/fixtures'
import { fmt, measure, type BenchSuite } from './lib'

const suite: BenchSuite = {
  title: 'import',
  async run() {
    // Synthesized by the CDK fixture app (150 Lambda routes); synthesis runs once and is cached.
    const json = fixtureTemplate('LargeStack')
    const resources = Object.keys((JSON.parse(json) as { Resources: object }).Resources).length
    const yaml = dump(load(json), { noRefs: true, lineWidth: -1 })
    const check = importTemplateSync(json)
    if (!check.ok) throw new Error('the large template did not import')
    const sync = await measure(() => importTemplateSync(json))
    const fromYaml = await measure(() => importTemplateSync(yaml))
    const withLayout = await measure(() => importTemplate(json), { runs: 9, warmup: 2 })
    return [
      {
        name: `import, 150-route synthesized template (${resources} resources, JSON)`,
        median: sync.median,
        goal: '< 200 ms',
        met: sync.median < 200,
        note: `p95 ${fmt(sync.p95)} ms; ${(json.length / 1024).toFixed(0)} KB; same as YAML ${fmt(fromYaml.median)} ms; with auto-layout ${fmt(withLayout.median)} ms`,
      },
    ]
  },
}
export default suite
