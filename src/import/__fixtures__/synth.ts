/**
 * Synthesizes every fixture stack in one process: `CDK_VALIDATION=false tsx synth.ts <outdir>` writes
 * `<outdir>/<Stack>.template.json` (and `<outdir>/cli/ChatStack.template.json` with CLI-style metadata, and
 * `<outdir>/assets`, the cdk.out of AssetStack with its staged code asset). Used by `fixtures.ts` (tests) and the import benchmark.
 */

import { App } from 'aws-cdk-lib'
import { join } from 'node:path'
import { assetStack, chatStack, FIXTURE_STACKS } from './apps'

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
// Asset-built function code, with the asset metadata `cdk synth` writes (aws:asset:path), in a cdk.out of its own.
const assets = new App({ outdir: join(outdir, 'assets'), context: { 'aws:cdk:enable-asset-metadata': true } })
assetStack(assets)
assets.synth()
