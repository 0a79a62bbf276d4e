/**
 * The synthesizer a generated Python stack uses when some of its keys are written under stand-in names
 * (`ir/cdkKeys.ts`): it renames them back in the synthesized template and hashes the file as CDK would
 * (sha256 of the text), so the asset manifest and `cdk deploy` see the restored template.
 *
 * DefaultStackSynthesizer binds a copy of itself to each stack (`reusableBind`, `Object.create(this)`), and
 * jsii would then call the Python override on the unbound original; binding the object itself keeps
 * them the same, at the price of one synthesizer per stack, which is how the stack uses it.
 */

import type { RestoredKeys } from '../ir/cdkKeys'
import type { PyImports } from './printPy'
import { pyString } from './escape'

export const KEY_RESTORING_SYNTHESIZER = 'KeyRestoringSynthesizer'

export function pyKeyRestoringSynthesizer(keys: RestoredKeys, imports: PyImports): string[] {
  for (const name of ['DefaultStackSynthesizer', 'FileAssetSource', 'IBoundStackSynthesizer', 'ISynthesisSession', 'Stack']) imports.addNamed('aws_cdk', name)
  imports.typing = true
  imports.restoreKeys = true
  return [
    '# Keys CDK cannot carry through its resolver (``__proto__``, text that looks like a CDK token, ``constructor``',
    '# in an override) are written in this file under stand-in names; the synthesizer renames them back.',
    'RESTORED_KEYS = {',
    ...keys.map(({ standIn, original }) => `    ${pyString(standIn)}: ${pyString(original)},`),
    '}',
    '',
    '',
    'def _restore_keys(value: typing.Any) -> typing.Any:',
    '    if isinstance(value, list):',
    '        return [_restore_keys(v) for v in value]',
    '    if isinstance(value, dict):',
    '        return {RESTORED_KEYS.get(k, k): _restore_keys(v) for k, v in value.items()}',
    '    return value',
    '',
    '',
    `class ${KEY_RESTORING_SYNTHESIZER}(DefaultStackSynthesizer):`,
    '    """Restores the stand-in keys in the written template, before CDK hashes it for the asset manifest."""',
    '',
    '    def reusable_bind(self, stack: Stack) -> IBoundStackSynthesizer:',
    '        # CDK would bind a copy, and jsii would call _synthesize_template on this unbound original.',
    '        self.bind(stack)',
    '        return self',
    '',
    '    def _synthesize_template(',
    '        self,',
    '        session: ISynthesisSession,',
    '        lookup_role_arn: typing.Optional[str] = None,',
    '        lookup_role_external_id: typing.Optional[str] = None,',
    '        lookup_role_additional_options: typing.Optional[typing.Mapping[str, typing.Any]] = None,',
    '    ) -> FileAssetSource:',
    '        asset = super()._synthesize_template(session, lookup_role_arn, lookup_role_external_id, lookup_role_additional_options)',
    '        path = os.path.join(session.assembly.outdir, self._bound_stack.template_file)',
    '        with open(path, encoding="utf-8") as f:',
    '            template = json.load(f)',
    '        text = json.dumps(_restore_keys(template), indent=1)',
    '        with open(path, "w", encoding="utf-8") as f:',
    '            f.write(text)',
    '        return FileAssetSource(',
    '            file_name=asset.file_name,',
    '            packaging=asset.packaging,',
    '            source_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),',
    '            deploy_time=asset.deploy_time,',
    '            display_name=asset.display_name,',
    '        )',
    '',
    '',
  ]
}
