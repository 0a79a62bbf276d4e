/**
 * User text that CDK would read as one of its own encoded tokens. aws-cdk-lib scans every string it
 * resolves for `${Token[KEY]}` (a string token), `#{Token[KEY]}` (a list token) and `-1.<10-16 digits>e+289`
 * (a number token), KEY being `[a-zA-Z0-9:._-]+` (core/lib/private/encoding.ts), and fails on a key it never
 * issued ("Unrecognized token key", "Found an encoded list token string in a scalar string context"); worse,
 * `${Token[TOKEN.3]}` may name a token it did issue and be replaced by it.
 *
 * Splitting the text with `Fn.join` does not help: CDK merges literal parts into one string and resolves the
 * result again. What holds is an `Fn::Sub` whose body contains no marker: the `$` of every `${`, the `#` of a
 * list marker and the `+` of a number marker come from Sub variables (`${Dollar}{…` rather than Sub's own
 * `${!…}` escape, which would end early at a variable inside it). CloudFormation evaluates it to exactly the
 * text. Where CloudFormation allows no function (the template's Description), the printers hand the text
 * over after CDK's token scan instead (`literalText` in the generated code).
 */

const KEY = '[a-zA-Z0-9:._-]+'
const LOOKALIKE = new RegExp(`\\$\\{Token\\[${KEY}\\]\\}|#\\{Token\\[${KEY}\\]\\}|-1\\.\\d{10,16}e\\+289`)

export function looksLikeToken(text: string): boolean {
  return LOOKALIKE.test(text)
}

/** The Sub variables the bodies use; their names never clash with the text, whose every `${` is replaced. */
export const SUB_VARIABLES = { Dollar: '$', Hash: '#', Plus: '+' } as const
type SubVariable = keyof typeof SUB_VARIABLES

export interface LiteralSub {
  body: string
  /** Only the variables the body uses. */
  variables: Partial<Record<SubVariable, string>>
}

/** One pass over the original text, so a replacement never meets another one's `${…}`. */
const SPECIAL = new RegExp(`\\$(?=\\{)|#(?=\\{Token\\[${KEY}\\]\\})|(?<=-1\\.\\d{10,16}e)\\+(?=289)`, 'g')
const NAME: Record<string, SubVariable> = { $: 'Dollar', '#': 'Hash', '+': 'Plus' }

/** An `Fn::Sub` that evaluates to `text` and holds no token marker. */
export function literalSub(text: string): LiteralSub {
  const used = new Set<SubVariable>()
  const body = text.replace(SPECIAL, (ch) => {
    used.add(NAME[ch])
    return `\${${NAME[ch]}}`
  })
  return { body, variables: Object.fromEntries([...used].sort().map((k) => [k, SUB_VARIABLES[k]])) }
}
