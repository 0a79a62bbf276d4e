/**
 * Synthesizes every fixture stack in one process: `CDK_VALIDATION=false tsx synth.ts <outdir>` writes
 * `<outdir>/<Stack>.template.json`. Used by `fixtures.ts` (tests) and the import benchmark.
 */

import { App } from 'aws-cdk-lib'
import { FIXTURE_STACKS } from './apps'

const outdir = process.argv[2]
if (!outdir) {
  process.stderr.write('usage: synth.ts <outdir>\n')
  process.exit(2)
}
const app = new App({ outdir })
for (const build of Object.values(FIXTURE_STACKS)) build(app)
app.synth()
