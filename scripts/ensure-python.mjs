#!/usr/bin/env node
/**
 * Creates the project-local Python environment the CDK Python export tests synthesize with:
 * `.venv` with aws-cdk-lib and constructs pinned to the npm devDependency versions, plus mypy.
 * Idempotent: a marker file records what was installed, so later runs cost one stat.
 * Without python3 it prints why and exits 0 (the tests then skip), except with CI=true, where it fails.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
// The Python package of the npm version (2.276.0) is not published on PyPI; 2.275.0 is the nearest.
// The JavaScript that jsii runs underneath is the same construct library one release earlier; the export
// tests compare its templates with the cfn-json export, so any drift between the two would show there.
const cdkVersion = pkg.devDependencies['aws-cdk-lib'] === '2.276.0' ? '2.275.0' : pkg.devDependencies['aws-cdk-lib']
const constructsVersion = pkg.devDependencies.constructs
const requirements = [`aws-cdk-lib==${cdkVersion}`, `constructs==${constructsVersion}`, 'mypy==1.18.2']
const venv = join(root, '.venv')
const python = join(venv, 'bin', 'python')
const marker = join(venv, '.socket-studio-requirements')

if (existsSync(marker) && readFileSync(marker, 'utf8') === requirements.join('\n')) process.exit(0)

const probe = spawnSync('python3', ['--version'], { encoding: 'utf8' })
if (probe.status !== 0) {
  const message = 'python3 not found: the CDK Python export tests will be skipped.'
  if (process.env.CI === 'true') {
    console.error(`${message} CI=true requires them; install Python 3.9+.`)
    process.exit(1)
  }
  console.warn(message)
  process.exit(0)
}

console.error(`Creating ${venv} with ${requirements.join(', ')} (one time) …`)
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], cwd: root })
if (!existsSync(python)) run('python3', ['-m', 'venv', venv])
run(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', ...requirements])
writeFileSync(marker, requirements.join('\n'))
