/**
 * The configuration files of the exported CDK projects. `cdk.json` sets no feature flags: a flag that
 * changes what constructs synthesize (a log group per function, say) would make the deployed stack differ
 * from the CloudFormation export; `versionReporting: false` keeps the CLI's AWS::CDK::Metadata resource out.
 */

import type { GeneratedFile } from '../types'

/** Library versions the exports are generated and tested against. */
export const CDK_LIB_VERSION = '2.276.0'
export const CONSTRUCTS_VERSION = '10.8.1'
/** The CDK CLI is versioned separately from the library since 2025. */
export const CDK_CLI_VERSION = '2.1148.1'
/** aws-cdk-lib 2.276.0 is not on PyPI (yet); 2.275.0 is the newest Python release we test with. */
export const CDK_LIB_PY_VERSION = '2.275.0'

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`

function ts(name: string): GeneratedFile[] {
  return [
    {
      path: 'cdk.json',
      contents: json({ app: `npx tsx bin/${name}.ts`, versionReporting: false, watch: { include: ['**'], exclude: ['cdk.out', 'node_modules'] } }),
    },
    {
      path: 'package.json',
      contents: json({
        name,
        version: '0.1.0',
        private: true,
        bin: { [name]: `bin/${name}.js` },
        scripts: { build: 'tsc', synth: 'cdk synth', deploy: 'cdk deploy' },
        devDependencies: { '@types/node': '^20.19.0', 'aws-cdk': CDK_CLI_VERSION, tsx: '^4.20.0', typescript: '~5.9.3' },
        dependencies: { 'aws-cdk-lib': CDK_LIB_VERSION, constructs: `^${CONSTRUCTS_VERSION}` },
      }),
    },
    {
      path: 'tsconfig.json',
      contents: json({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2022'],
          strict: true,
          // `npm run build` (tsc) emits JavaScript next to the sources, as `cdk init` projects do; cdk.json runs ts-node
          // either way. With noEmit the build did nothing.
          declaration: false,
          sourceMap: false,
          skipLibCheck: true,
          types: ['node'],
        },
        include: ['bin', 'lib'],
      }),
    },
    { path: '.gitignore', contents: 'node_modules\ncdk.out\n*.js\n*.d.ts\n' },
  ]
}

function py(pkg: string): GeneratedFile[] {
  return [
    { path: 'cdk.json', contents: json({ app: 'python3 app.py', versionReporting: false }) },
    { path: 'requirements.txt', contents: `aws-cdk-lib>=${CDK_LIB_PY_VERSION},<3.0.0\nconstructs>=${CONSTRUCTS_VERSION},<11.0.0\n` },
    { path: `${pkg}/__init__.py`, contents: '' },
    { path: '.gitignore', contents: '.venv\ncdk.out\n__pycache__\n*.pyc\n' },
  ]
}

export const projectFiles = { ts, py }
