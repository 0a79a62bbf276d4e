import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { unzipSync } from 'fflate'
import { expect, test } from './fixtures'

test.use({ viewport: { width: 1440, height: 900 } })

// `npm run build` of the exported CDK TypeScript project is `tsc`; with `noEmit` in its tsconfig it used to
// succeed while writing nothing. Here it runs on the downloaded zip and must write bin/<name>.js and lib/*.js.
test('the exported CDK TypeScript project builds: npm run build (tsc) writes JavaScript, at 1440×900', async ({ exportPane, page }) => {
  test.setTimeout(240_000)
  await exportPane.open()
  await exportPane.choose('cdk-ts', 'project')
  await expect(page.getByTestId('export.files')).toContainText('tsconfig.json')
  const { bytes } = await exportPane.download()
  const dir = mkdtempSync(join(tmpdir(), 'socket-studio-ts-'))
  try {
    const entries = unzipSync(new Uint8Array(bytes))
    for (const [path, data] of Object.entries(entries)) {
      const out = join(dir, path)
      mkdirSync(dirname(out), { recursive: true })
      if (!path.endsWith('/')) writeFileSync(out, data)
    }
    const project = join(dir, 'mywsapi-cdk-ts')
    const pkg = JSON.parse(Buffer.from(entries['mywsapi-cdk-ts/package.json']).toString('utf8')) as { scripts: { build: string } }
    expect(pkg.scripts.build).toBe('tsc')
    // This checkout's node_modules holds aws-cdk-lib, constructs, typescript and @types/node at the versions the
    // project asks for; linking it stands in for `npm install` (no network in tests).
    symlinkSync(resolve('node_modules'), join(project, 'node_modules'), 'dir')
    execFileSync(process.execPath, [resolve('node_modules/typescript/bin/tsc'), '-p', project], { cwd: project, stdio: 'pipe', timeout: 200_000 })
    expect(existsSync(join(project, 'bin/mywsapi.js'))).toBe(true)
    expect(existsSync(join(project, 'lib/mywsapi-stack.js'))).toBe(true)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
