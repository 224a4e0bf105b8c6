// Test helper: parses fixtures/yuma-vectors.md (subtensor's own epoch test vectors) into typed scenarios, so the tests take every input and expected number from the document itself.
//
// The document is prose with tables; each `## V<k>.` / `## Appendix` section is one vector. The
// parsers below are strict: when a section no longer reads the way they expect they throw, naming
// the section, instead of silently testing less.

export interface Section {
  /** `V2`, `V3`, …, or `Appendix`. */
  readonly id: string
  readonly title: string
  readonly body: string
}

/** The document's `## ` sections (vectors and shared set-ups alike). */
export function readSections(markdown: string): Section[] {
  const sections: Section[] = []
  const parts = markdown.split(/^## /m).slice(1)
  for (const part of parts) {
    const newline = part.indexOf('\n')
    const title = part.slice(0, newline).trim()
    const id = /^(V\d+)\./.exec(title)?.[1] ?? (title.startsWith('Appendix') ? 'Appendix' : title)
    sections.push({ id, title, body: part.slice(newline + 1).replace(/^-{20,}$/gm, '') })
  }
  return sections
}

/** Sections that are vectors (`## V<k>.` or `## Appendix`), in document order. */
export function vectorSections(sections: Section[]): Section[] {
  return sections.filter((s) => /^V\d+$/.test(s.id) || s.id === 'Appendix')
}

function fail(section: Section, what: string): never {
  throw new Error(`yuma-vectors.md ${section.id}: cannot read ${what}`)
}

/** `1_000_000` → 1000000n */
function int(text: string): bigint {
  return BigInt(text.replaceAll('_', ''))
}

/** `.75` / `0.1` / `0` → the number written. */
function decimal(text: string): number {
  return Number(text.startsWith('.') ? `0${text}` : text)
}

function match(section: Section, pattern: RegExp, what: string, text = section.body): RegExpExecArray {
  return pattern.exec(text) ?? fail(section, what)
}

/** The body with line breaks and indentation collapsed to single spaces. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ')
}

// --- the mock runtime ---------------------------------------------------------------------------------

export interface Harness {
  startBlock: bigint
  kappa: number
  bondsMovingAverage: bigint
  bondsPenalty: number
  alphaValues: [number, number]
  taoWeight: bigint
  stakeThreshold: bigint
  activityCutoffFactorMilli: number
  maxAllowedValidators: number
  raoEmission: bigint
  /** The largest |error| the document's reference emulation saw where subtensor's tolerance is 1e-3. */
  emulationError: number
}

export function parseHarness(section: Section, header: string): Harness {
  const body = flat(section.body)
  const n = (pattern: RegExp, what: string) => int(match(section, pattern, what, body)[1]!)
  const alpha = match(section, /AlphaValues \(([\d_]+), ([\d_]+)\)/, 'AlphaValues', body)
  return {
    startBlock: n(/new_test_ext\((\d+)\)/, 'the start block'),
    kappa: Number(n(/Kappa ([\d_]+)/, 'Kappa')),
    bondsMovingAverage: n(/BondsMovingAverage ([\d_]+)/, 'BondsMovingAverage'),
    bondsPenalty: Number(n(/BondsPenalty ([\d_]+)/, 'BondsPenalty')),
    alphaValues: [Number(int(alpha[1]!)), Number(int(alpha[2]!))],
    taoWeight: n(/TaoWeight (\d+)/, 'TaoWeight'),
    stakeThreshold: n(/StakeThreshold (\d+)/, 'StakeThreshold'),
    activityCutoffFactorMilli: Number(n(/ActivityCutoffFactorMilli ([\d_]+)/, 'ActivityCutoffFactorMilli')),
    maxAllowedValidators: Number(n(/MaxAllowedValidators (\d+)/, 'MaxAllowedValidators')),
    raoEmission: n(/E \(rao_emission\) = ([\d_]+)/, 'E'),
    emulationError: Number(match(section, /\|err\| ≤ ([\d.e-]+) where tolerance is 1e-3/, 'the emulation error', flat(header))[1]),
  }
}

// --- V2: a large uniform graph ---------------------------------------------------------------------

export interface UniformGraphVector {
  tempo: number
  networkN: number
  validatorsN: number
  validatorStake: bigint
  layouts: number[]
  epochs: number
  validators: { consensus: number; incentive: number; dividends: number; emission: bigint; bondOnValidator: number; bondOnServer: number }
  servers: { consensus: number; incentive: number; dividends: number; emission: bigint; bonds: number }
}

export function parseUniformGraph(section: Section): UniformGraphVector {
  const body = flat(section.body)
  const value = (label: string, text: string) => int(match(section, new RegExp(`${label} \\**([\\d_]+)\\**`), label, text)[1]!)
  const validatorsText = match(section, /- validators: (.*?)- servers:/, 'the validators expectations', body)[1]!
  const serversText = match(section, /- servers: (.*?)- Tolerance/, 'the servers expectations', body)[1]!
  const tolerance = match(section, /Tolerance: (\w+)/, 'the tolerance', body)[1]
  if (tolerance !== 'exact') fail(section, `tolerance "${tolerance}"`)
  return {
    tempo: Number(value('tempo', body)),
    networkN: Number(value('network_n', body)),
    validatorsN: Number(value('validators_n', body)),
    validatorStake: int(match(section, /validators get alpha stake ([\d_]+)/, 'the validator stake', body)[1]!),
    layouts: [...match(section, /Layout variants: (.*?); each with/, 'the layouts', body)[1]!.matchAll(/interleave (\d)|, (\d) \(/g)].map((m) => Number(m[1] ?? m[2])),
    epochs: Number(match(section, /then (\d+) epochs/, 'the epoch count', body)[1]),
    validators: {
      consensus: Number(value('consensus', validatorsText)),
      incentive: Number(value('incentive', validatorsText)),
      dividends: Number(value('dividends', validatorsText)),
      emission: value('emission', validatorsText),
      bondOnValidator: Number(match(section, /bonds\[v\]\[any validator\] = \**(\d+)/, 'bonds on validators', validatorsText)[1]),
      bondOnServer: Number(match(section, /bonds\[v\]\[any server\] = \**(\d+)/, 'bonds on servers', validatorsText)[1]),
    },
    servers: {
      consensus: Number(value('consensus', serversText)),
      incentive: Number(value('incentive', serversText)),
      dividends: Number(value('dividends', serversText)),
      emission: value('emission', serversText),
      bonds: Number(match(section, /bonds\[server\]\[·\] = \**(\d+)/, 'server bonds', serversText)[1]),
    },
  }
}

// --- V3: bond EMA over a sequence of epochs ---------------------------------------------------------

export type WeightAction = { kind: 'set'; uids: number[]; dests: number[]; values: number[] } | { kind: 'self'; uid: number } | { kind: 'none' }

export interface BondSequenceVector {
  tempo: number
  stakes: bigint[]
  maxAllowedValidators: number
  steps: Array<{ epoch: number; block: number; action: WeightAction }>
  /** Expected stored bonds after each epoch: column and B[0..] per row. */
  bonds: Array<{ epoch: number; block: number; column: number; values: number[] }>
  /** Traced emission vectors (informative in the document; reproduced exactly). */
  emissionTraces: Array<{ epoch: number; emission: bigint[] }>
}

export function parseBondSequence(section: Section): BondSequenceVector {
  const body = flat(section.body)
  const n = Number(match(section, /n = (\d+)/, 'n', body)[1])
  const validatorStakes = match(section, /alpha stake \[([\d, ]+)\]/, 'the stakes', body)[1]!.split(',').map((x) => int(x.trim()))
  const stakes = [...validatorStakes, ...Array.from({ length: n - validatorStakes.length }, () => 0n)]
  const sequence = match(section, /Sequence \(.*?\): (.*?) - Expected/, 'the sequence', body)[1]!
  const steps = [...sequence.matchAll(/(\d)\. block (\d+): (.*?)(?=\s\d\. block|$)/g)].map((m) => ({
    epoch: Number(m[1]),
    block: Number(m[2]),
    action: parseAction(section, m[3]!),
  }))
  if (steps.length === 0) fail(section, 'the sequence steps')
  const bonds = [...section.body.matchAll(/^\| (\d+) \(block (\d+)\) \| (\d+) \|((?: \d+ \|)+)$/gm)].map((m) => ({
    epoch: Number(m[1]),
    block: Number(m[2]),
    column: Number(m[3]),
    values: m[4]!
      .split('|')
      .map((x) => x.trim())
      .filter(Boolean)
      .map(Number),
  }))
  if (bonds.length !== steps.length) fail(section, `the bonds table (${bonds.length} rows for ${steps.length} epochs)`)
  const emissionTraces = [...body.matchAll(/after epoch (\d+) (?:the emission vector is )?`\[([\d, ]+)\]`/g)].map((m) => ({
    epoch: Number(m[1]),
    emission: m[2]!.split(',').map((x) => int(x.trim())),
  }))
  return {
    tempo: Number(match(section, /tempo (\d+)/, 'tempo', body)[1]),
    stakes,
    maxAllowedValidators: Number(match(section, /MaxAllowedValidators (\d+)/, 'MaxAllowedValidators', body)[1]),
    steps,
    bonds,
    emissionTraces,
  }
}

function list(text: string): number[] {
  return text.split(',').map((x) => Number(x.trim()))
}

function parseAction(section: Section, text: string): WeightAction {
  let m = /uids (\d+)–(\d+) set `\[([\d, ]+)\] → \[([\d, ]+)\]`/.exec(text)
  if (m) {
    const uids = Array.from({ length: Number(m[2]) - Number(m[1]) + 1 }, (_, k) => Number(m![1]) + k)
    return { kind: 'set', uids, dests: list(m[3]!), values: list(m[4]!) }
  }
  m = /uid (\d+) switches to self-weight/.exec(text)
  if (m) return { kind: 'self', uid: Number(m[1]) }
  m = /uid (\d+) sets `\[([\d, ]+)\] → \[([\d, ]+)\]`/.exec(text)
  if (m) return { kind: 'set', uids: [Number(m[1])], dests: list(m[2]!), values: list(m[3]!) }
  if (/no change/.test(text)) return { kind: 'none' }
  return fail(section, `the action "${text}"`)
}

// --- Yuma3 scenarios ---------------------------------------------------------------------------------

export interface Yuma3Setup {
  tempo: number
  kappa: number
  alphaValues: [number, number]
  alphaValuesFrom: [number, number]
  alphaSigmoidSteepness: number
  bondsMovingAverage: bigint
  bondsPenalty: number
  maxAllowedValidators: number
  symbols: Record<string, number>
}

export function parseYuma3Setup(section: Section): Yuma3Setup {
  const body = flat(section.body)
  const values = match(section, /set_alpha_values_32\(([\d.]+), ([\d.]+)\)` → stored AlphaValues \((\d+), (\d+)\)/, 'the alpha values', body)
  return {
    tempo: Number(match(section, /tempo (\d+)/, 'tempo', body)[1]),
    kappa: Number(match(section, /set_kappa\((\d+)\)/, 'kappa', body)[1]),
    alphaValues: [Number(values[3]), Number(values[4])],
    alphaValuesFrom: [Number(values[1]), Number(values[2])],
    alphaSigmoidSteepness: Number(match(section, /AlphaSigmoidSteepness (\d+)/, 'the steepness', body)[1]),
    bondsMovingAverage: int(match(section, /BMA \**([\d_]+)\**/, 'BMA', body)[1]!),
    bondsPenalty: Number(match(section, /BondsPenalty \**(\d+)\**/, 'BondsPenalty', body)[1]),
    maxAllowedValidators: Number(match(section, /MaxAllowedValidators \**(\d+)\**/, 'MaxAllowedValidators', body)[1]),
    symbols: { M: Number(match(section, /`M = (\d+)`/, 'M', body)[1]) },
  }
}

export interface Yuma3Scenario {
  name: string
  stakes: bigint[]
  servers: number[]
  /** Per epoch, the rows of validators A, B, C (uids 0, 1, 2) on `servers`, or null when unchanged. */
  weights: Array<number[][] | null>
  /** Expected dividends per epoch (uids 0..), as proportions. */
  dividends: number[][]
  tolerance: number
  /** Unasserted bond targets (rows A, B, C over `servers`), where the document lists them. */
  bondTargets?: Array<number[][]>
}

/** `e0 all \`[M,0]\`; e1 A \`[0,M]\`, B …; e4, e5 unchanged.` → one entry per epoch. */
function parseWeightPlan(section: Section, text: string, symbols: Record<string, number>, epochs: number): Array<number[][] | null> {
  const vec = (v: string) =>
    v.split(',').map((x) => {
      const t = x.trim()
      return t in symbols ? symbols[t]! : Number(t)
    })
  const plan: Array<number[][] | null> = Array.from({ length: epochs }, () => null)
  for (const part of text.split(';').map((p) => p.trim())) {
    let m = /^e(\d) all `\[([^\]]*)\]`$/.exec(part)
    if (m) {
      plan[Number(m[1])] = [vec(m[2]!), vec(m[2]!), vec(m[2]!)]
      continue
    }
    m = /^e(\d) A `\[([^\]]*)\]`, B `\[([^\]]*)\]`, C `\[([^\]]*)\]`$/.exec(part)
    if (m) {
      plan[Number(m[1])] = [vec(m[2]!), vec(m[3]!), vec(m[4]!)]
      continue
    }
    if (/^(e\d, )*e\d unchanged\.?$/.test(part)) continue
    fail(section, `the weights "${part}"`)
  }
  return plan
}

function parseBondTargets(section: Section, text: string): Array<number[][]> {
  const epochs: Array<number[][]> = []
  for (const m of text.matchAll(/e(\d) ((?:\[[^\]]*\]×3)|(?:A\[[^\]]*\] B\[[^\]]*\] C\[[^\]]*\]))/g)) {
    const rows = [...m[2]!.matchAll(/\[([^\]]*)\]/g)].map((r) => r[1]!.split(',').map((x) => decimal(x.trim())))
    epochs[Number(m[1])] = rows.length === 1 ? [rows[0]!, rows[0]!, rows[0]!] : rows
  }
  if (epochs.length === 0) fail(section, 'the bond targets')
  return epochs
}

/** V7: three scenarios sharing stakes and servers, dividends in one table. */
export function parseKappaMoves(section: Section, setup: Yuma3Setup): Yuma3Scenario[] {
  const body = flat(section.body)
  const stakes = match(section, /Stakes \[([\d, ]+)\]/, 'the stakes', body)[1]!.split(',').map((x) => int(x.trim()))
  const servers = [...match(section, /Servers (.*?)\./, 'the servers', body)[1]!.matchAll(/uid (\d+)|, (\d+) \(/g)].map((m) => Number(m[1] ?? m[2]))
  const header = match(section, /^\| e \|(.*)\|$/m, 'the dividends table header')[1]!
  const names = header.split('|').map((x) => x.trim().replace(/^moves_/, ''))
  const rows = [...section.body.matchAll(/^\| (\d) \|(.*)\|$/gm)].map((m) => m[2]!.split('|').map((cell) => cell.trim().split(/\s+/).map(decimal)))
  const tolerance = decimal(match(section, /tolerance ([\d.e-]+)/, 'the tolerance', body)[1]!)
  const targets = /\*unasserted\* bond targets \(rows A,B,C; \[S1, S2\]\) for moves_(\w+): (.*?)(?=$| - )/.exec(body)
  return names.map((name, column) => ({
    name: `kappa moves ${name}`,
    stakes,
    servers,
    weights: parseWeightPlan(section, match(section, new RegExp(`- ${name}: (.*?)(?= - \\w+:| - Expected)`), `the ${name} weights`, body)[1]!, setup.symbols, rows.length),
    dividends: rows.map((r) => r[column]!),
    tolerance,
    bondTargets: targets && targets[1] === name ? parseBondTargets(section, targets[2]!) : undefined,
  }))
}

/** V9: one scenario, weights and dividends in prose. */
export function parseStableMiner(section: Section, setup: Yuma3Setup): Yuma3Scenario {
  const body = flat(section.body)
  const stakes = match(section, /stakes \[([\d, ]+)\]/, 'the stakes', body)[1]!.split(',').map((x) => int(x.trim()))
  const servers = match(section, /servers ([\d, ]+);/, 'the servers', body)[1]!.split(',').map((x) => Number(x.trim()))
  const symbols = { ...setup.symbols, H: Number(match(section, /`H = (\d+)`/, 'H', body)[1]) }
  const dividendsText = match(section, /Expected dividends \(uids 0\.\.\d+\), tolerance [\d.e-]+: (.*?) - /, 'the dividends', body)[1]!
  const dividends = [...dividendsText.matchAll(/e(\d) \[([^\]]*)\]/g)].map((m) => m[2]!.trim().split(/\s+/).map(decimal))
  const weightsText = match(section, /Weights on \[[\d,]+\]: (.*?) - Expected/, 'the weights', body)[1]!
  const targets = /\*unasserted\* bonds \[S3,S4,S5\]: (.*?)(?=$| - )/.exec(body)
  return {
    name: 'stable miner',
    stakes,
    servers,
    weights: parseWeightPlan(section, weightsText, symbols, dividends.length),
    dividends,
    tolerance: decimal(match(section, /tolerance ([\d.e-]+)/, 'the tolerance', body)[1]!),
    bondTargets: targets ? parseBondTargets(section, targets[1]!) : undefined,
  }
}

// --- Appendix: weighted median ------------------------------------------------------------------------

export interface MedianCase {
  label: string
  stake: number[]
  /** Dense rows (validators × servers). */
  weights: number[][]
  majority: number
  median: number[]
}

export function parseMedianCases(section: Section): MedianCase[] {
  const body = flat(section.body)
  const rows = (text: string) => [...text.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!.split(',').map((x) => decimal(x.trim())))
  const w = rows(match(section, /Matrix W \([^)]*\): ((?:\[[^\]]*\](?:, )?)+)/, 'W', body)[1]!)
  const cases: MedianCase[] = []
  const first = match(section, /- stake \[([^\]]*)\]: (.*?)\. - /, 'the first stake cases', body)
  const stake = first[1]!.split(',').map((x) => decimal(x.trim()))
  for (const m of first[2]!.matchAll(/majority ([\d.]+) → (?:median )?\[([^\]]*)\]/g)) {
    cases.push({ label: `W, stake [${first[1]}], majority ${m[1]}`, stake, weights: w, majority: decimal(m[1]!), median: m[2]!.split(',').map((x) => decimal(x.trim())) })
  }
  const second = match(section, /- W' rows ((?:\[[^\]]*\](?:, )?)+), stake \[([^\]]*)\], majority ([\d.]+) → \[([^\]]*)\]/, "W'", body)
  cases.push({
    label: `W', stake [${second[2]}], majority ${second[3]}`,
    stake: second[2]!.split(',').map((x) => decimal(x.trim())),
    weights: rows(second[1]!),
    majority: decimal(second[3]!),
    median: second[4]!.split(',').map((x) => decimal(x.trim())),
  })
  if (!/Empty stake → \[\]/.test(body)) fail(section, 'the empty case')
  cases.push({ label: 'empty stake', stake: [], weights: [], majority: 0.5, median: [] })
  const zeros = match(section, /stake \[0,0\] with zero 2×2 weights, majority ([\d.]+) → \[([^\]]*)\]/, 'the zero case', body)
  cases.push({
    label: 'zero stake, zero 2×2 weights',
    stake: [0, 0],
    weights: [
      [0, 0],
      [0, 0],
    ],
    majority: decimal(zeros[1]!),
    median: zeros[2]!.split(',').map((x) => decimal(x.trim())),
  })
  const tolerance = match(section, /Tolerance: (\w+)/, 'the tolerance', body)[1]
  if (tolerance !== 'exact') fail(section, `tolerance "${tolerance}"`)
  return cases
}
