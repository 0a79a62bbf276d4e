/**
 * Synthesizes every fixture stack in one process: `CDK_VALIDATION=false tsx synth.ts <outdir>` writes
 * `<outdir>/<Stack>.template.json` (and `<outdir>/cli/ChatStack.template.json` with CLI-style metadata). Used by `fixtures.ts` (tests) and the import benchmark.
 */

import { App } from 'aws-cdk-lib'
import { join } from 'node:path'
import { chatStack, FIXTURE_STACKS } from './apps'

const outdir = process.argv[2]
if (!outdir) {
  process.stderr.write('usage: synth.ts <outdir>\n')
  process.exit(2)
}
const app = new App({ outdir })
for (const build of Object.values(FIXTURE_STACKS)) build(app)
app.synth()
// The same chat stack as the CDK CLI writes it: construct paths in Metadata, the CDKMetadata resource and condition.
const cli = new App({ outdir: join(outdir, 'cli'), analyticsReporting: true, context: { 'aws:cdk:enable-path-metadata': true } })
chatStack(cli)
cli.synth()
