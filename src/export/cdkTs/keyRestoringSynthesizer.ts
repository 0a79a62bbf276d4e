/**
 * The synthesizer a generated TypeScript stack uses when some of its keys are written under stand-in names
 * (`ir/cdkKeys.ts`): it renames them back in the synthesized template, then hashes the file as CDK would
 * have (sha256 of the text, `contentHash` in aws-cdk-lib core/lib/stack-synthesizers/_shared.ts), so the
 * asset manifest and `cdk deploy` see the restored template.
 */

import type { RestoredKeys } from '../ir/cdkKeys'
import type { TsImports } from './printTs'
import { tsKey, tsString } from './escape'

export const KEY_RESTORING_SYNTHESIZER = 'KeyRestoringSynthesizer'

export function tsKeyRestoringSynthesizer(keys: RestoredKeys, imports: TsImports): string[] {
  imports.addNamed('aws-cdk-lib', 'DefaultStackSynthesizer')
  imports.addNamed('aws-cdk-lib', 'FileAssetSource')
  imports.addNamed('aws-cdk-lib', 'ISynthesisSession')
  imports.addNamed('crypto', 'createHash')
  imports.addNamed('fs', 'readFileSync')
  imports.addNamed('fs', 'writeFileSync')
  imports.addNamed('path', 'join')
  return [
    '/**',
    " * Keys CDK cannot carry through its resolver (`__proto__`, text that looks like a CDK token, `constructor` in",
    ' * an override) are written in this file under stand-in names; the synthesizer renames them back.',
    ' */',
    'const RESTORED_KEYS: Record<string, string> = {',
    ...keys.map(({ standIn, original }) => `  ${tsKey(standIn)}: ${tsString(original)},`),
    '};',
    '',
    'function restoreKeys(value: unknown): unknown {',
    '  if (Array.isArray(value)) return value.map(restoreKeys);',
    "  if (value === null || typeof value !== 'object') return value;",
    '  // Object.fromEntries defines own properties: a restored `__proto__` is a key, not a prototype.',
    '  return Object.fromEntries(',
    '    Object.entries(value).map(([k, v]) => [Object.prototype.hasOwnProperty.call(RESTORED_KEYS, k) ? RESTORED_KEYS[k] : k, restoreKeys(v)]),',
    '  );',
    '}',
    '',
    '/** Restores the stand-in keys in the written template, before CDK hashes it for the asset manifest. */',
    `class ${KEY_RESTORING_SYNTHESIZER} extends DefaultStackSynthesizer {`,
    '  protected synthesizeTemplate(',
    '    session: ISynthesisSession,',
    '    lookupRoleArn?: string,',
    '    lookupRoleExternalId?: string,',
    '    lookupRoleAdditionalOptions?: { [key: string]: any },',
    '  ): FileAssetSource {',
    '    const asset = super.synthesizeTemplate(session, lookupRoleArn, lookupRoleExternalId, lookupRoleAdditionalOptions);',
    '    const file = join(session.assembly.outdir, this.boundStack.templateFile);',
    "    const text = JSON.stringify(restoreKeys(JSON.parse(readFileSync(file, 'utf-8'))), undefined, 1);",
    '    writeFileSync(file, text);',
    "    return { ...asset, sourceHash: createHash('sha256').update(text).digest('hex') };",
    '  }',
    '}',
    '',
  ]
}
