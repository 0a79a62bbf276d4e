/**
 * Monarch grammar for VTL mapping templates (language id `vtl`), as pure data so the editor can register it
 * and tests can check it without this module importing Monaco. State-based (not one big regex) so `#{end}`,
 * `#[[ ]]#`, `$!{…}` and nested `$util.x($input.path('$.a'))` calls tokenize correctly. Structure follows the
 * token classes of vtl.md §5; the approach of CodeMirror 5's velocity mode (MIT) informed the states.
 */

import type { languages } from 'monaco-editor'

export const VTL_LANGUAGE_ID = 'vtl'

const REF_TAIL: languages.IMonarchLanguageRule[] = [
  [/\.[A-Za-z_][\w-]*(?=\s*\()/, 'function'],
  [/\.[A-Za-z_][\w-]*/, 'variable.property'],
  [/\(/, { token: 'delimiter.parenthesis', next: '@args' }],
  [/\[/, { token: 'delimiter.square', next: '@index' }],
]

export const VTL_MONARCH: languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.vtl',
  ignoreCase: false,
  brackets: [
    { open: '{', close: '}', token: 'delimiter.curly' },
    { open: '[', close: ']', token: 'delimiter.square' },
    { open: '(', close: ')', token: 'delimiter.parenthesis' },
  ],
  predefined: ['context', 'input', 'util', 'stageVariables'],
  wordOperators: ['eq', 'ne', 'lt', 'gt', 'le', 'ge', 'and', 'or', 'not', 'in'],
  tokenizer: {
    root: [
      { include: '@vtl' },
      [/"(?:[^"\\$#]|\\.)*"(?=\s*:)/, 'string.key'],
      [/"(?:[^"\\$#]|\\.)*"/, 'string'],
      [/"/, 'string'],
      [/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/, 'number'],
      [/\b(?:true|false|null)\b/, 'keyword'],
      [/[{}]/, 'delimiter.curly'],
      [/[[\]]/, 'delimiter.square'],
      [/[,:]/, 'delimiter'],
      [/[^#$"\\{}[\],:\d\-tfn]+/, ''],
      [/./, ''],
    ],
    // Everything VTL that can appear in template text.
    vtl: [
      [/##.*$/, 'comment'],
      [/#\*/, { token: 'comment', next: '@blockComment' }],
      [/#\[\[/, { token: 'string.unparsed', next: '@unparsed' }],
      [/\\[#$]/, 'string.escape'],
      [/#\{?(?:if|elseif|foreach|set|macro|define|parse|include|evaluate)\}?(?=[ \t]*\()/, { token: 'keyword.directive', next: '@directive' }],
      [/#\{?(?:else|end|break|stop)\}?(?![A-Za-z0-9_])/, 'keyword.directive'],
      [/#@?[A-Za-z]\w*(?=[ \t]*\()/, { token: 'keyword.macro', next: '@directive' }],
      { include: '@reference' },
    ],
    reference: [
      [/\$!?\{/, { token: 'variable.delimiter', next: '@bracedRef' }],
      [
        /\$!?([A-Za-z][\w-]*)/,
        { cases: { '$1@predefined': { token: 'variable.predefined', next: '@refChain' }, '@default': { token: 'variable', next: '@refChain' } } },
      ],
    ],
    refChain: [...REF_TAIL, ['', '', '@pop']],
    bracedRef: [
      [/[A-Za-z][\w-]*/, { cases: { '@predefined': 'variable.predefined', '@default': 'variable' } }],
      ...REF_TAIL,
      [/\}/, { token: 'variable.delimiter', next: '@pop' }],
      [/./, 'invalid'],
    ],
    // `#if`, `#set`, … : expect `(` then arguments.
    directive: [
      [/[ \t]+/, ''],
      [/\(/, { token: 'delimiter.parenthesis', switchTo: '@args' }],
      ['', '', '@pop'],
    ],
    args: [
      [/\s+/, ''],
      [/"/, { token: 'string', next: '@dqString' }],
      [/'[^']*'/, 'string'],
      [/-?\d+(?:\.\d+)?/, 'number'],
      [/\b(?:true|false|null)\b/, 'keyword'],
      [/[A-Za-z]+/, { cases: { '@wordOperators': 'keyword.operator', '@default': 'identifier' } }],
      [/\.\.|==|!=|<=|>=|&&|\|\||[<>!=+\-*/%]/, 'operator'],
      { include: '@reference' },
      [/\(/, { token: 'delimiter.parenthesis', next: '@push' }],
      [/\)/, { token: 'delimiter.parenthesis', next: '@pop' }],
      [/\[/, { token: 'delimiter.square', next: '@index' }],
      [/[{}]/, 'delimiter.curly'],
      [/[,:]/, 'delimiter'],
      [/./, ''],
    ],
    index: [
      [/\]/, { token: 'delimiter.square', next: '@pop' }],
      [/\s+/, ''],
      [/"/, { token: 'string', next: '@dqString' }],
      [/'[^']*'/, 'string'],
      [/-?\d+/, 'number'],
      [/\.\./, 'operator'],
      [/\b(?:true|false|null)\b/, 'keyword'],
      { include: '@reference' },
      [/\(/, { token: 'delimiter.parenthesis', next: '@args' }],
      [/\[/, { token: 'delimiter.square', next: '@push' }],
      [/[{}]/, 'delimiter.curly'],
      [/[,:]/, 'delimiter'],
      [/./, ''],
    ],
    dqString: [
      [/[^"$\\#]+/, 'string'],
      [/\\./, 'string.escape'],
      { include: '@reference' },
      [/"/, { token: 'string', next: '@pop' }],
      [/./, 'string'],
    ],
    blockComment: [
      [/[^*]+/, 'comment'],
      [/\*#/, { token: 'comment', next: '@pop' }],
      [/\*/, 'comment'],
    ],
    unparsed: [
      [/[^\]]+/, 'string.unparsed'],
      [/\]\]#/, { token: 'string.unparsed', next: '@pop' }],
      [/\]/, 'string.unparsed'],
    ],
  },
}

/** Brackets, comments and auto-closing pairs for `languages.setLanguageConfiguration`. */
export const VTL_LANGUAGE_CONFIGURATION: languages.LanguageConfiguration = {
  comments: { lineComment: '##', blockComment: ['#*', '*#'] },
  brackets: [
    ['{', '}'],
    ['[', ']'],
    ['(', ')'],
  ],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"', notIn: ['string'] },
    { open: "'", close: "'", notIn: ['string'] },
  ],
  surroundingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"' },
  ],
}
