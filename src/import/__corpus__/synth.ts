/** Synthesizes every corpus app in one process: `CDK_VALIDATION=false tsx synth.ts <outdir>` → `<outdir>/<Stack>.template.json`. */

import { App } from 'aws-cdk-lib'
import { CORPUS_APPS } from './apps'

const outdir = process.argv[2]
if (!outdir) {
  process.stderr.write('usage: synth.ts <outdir>\n')
  process.exit(2)
}
const app = new App({ outdir })
for (const build of Object.values(CORPUS_APPS)) build(app)
app.synth()
