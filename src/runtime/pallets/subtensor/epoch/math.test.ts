// Every vector of fixtures/yuma-vectors.md (subtensor's own epoch tests) reproduced through runEpoch and math.ts, inputs and expectations read from the document at test time.
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { I32F32 } from './fixed.ts'
import { fromFixed } from './i32f32.ts'
import {
  interpolateSparse,
  isTopkNonzero,
  maskDiagSparse,
  maskDiagSparseExceptIndex,
  maskRowsSparse,
  matEmaAlphaSparse,
  matEmaSparse,
  orderPreservingNumbers,
  scalarVecMaskSparseMatrix,
  sparseFromRows,
  sparseToRows,
  vecMaskSparseMatrix,
  vecMaxUpscaleToU16,
  weightedMedianColSparse,
} from './math.ts'
import type { EpochResult } from './runEpoch.ts'
import { TestSubnet, alphaValues32 } from './testing/testSubnet.ts'
import {
  parseBondSequence,
  parseHarness,
  parseKappaMoves,
  parseMedianCases,
  parseStableMiner,
  parseUniformGraph,
  parseYuma3Setup,
  readSections,
  vectorSections,
  type Harness,
  type Section,
  type Yuma3Scenario,
  type Yuma3Setup,
} from './testing/yumaVectors.ts'

/** Copied from shared/reference/yuma-vectors.md into the repository, so a fresh clone has it. */
const document = readFileSync(new URL('../../../../../fixtures/yuma-vectors.md', import.meta.url), 'utf8')
const sections = readSections(document)
const vectors = vectorSections(sections)
const sectionTitled = (prefix: string): Section => sections.find((s) => s.title.startsWith(prefix)) ?? expect.fail(`no "${prefix}" section in yuma-vectors.md`)
const harness = parseHarness(sectionTitled('Common test-harness facts'), document.slice(0, document.indexOf('\n## ')))
const yuma3 = parseYuma3Setup(sectionTitled('Yuma3 scenarios'))

interface VectorCase {
  name: string
  run: () => void
}

/** A subnet with the mock runtime's hyperparameters (as the document states them) and `overrides`. */
function mockSubnet(h: Harness, overrides: ConstructorParameters<typeof TestSubnet>[0] = {}): TestSubnet {
  return new TestSubnet(
    {
      kappa: h.kappa,
      bondsMovingAverage: h.bondsMovingAverage,
      bondsPenalty: h.bondsPenalty,
      alphaValues: h.alphaValues,
      taoWeight: h.taoWeight,
      stakeThreshold: h.stakeThreshold,
      activityCutoffFactorMilli: h.activityCutoffFactorMilli,
      maxAllowedValidators: h.maxAllowedValidators,
      yuma3Enabled: false,
      commitRevealEnabled: false,
      ...overrides,
    },
    h.startBlock,
  )
}

/** A deterministic shuffle (the Rust test uses an unseeded one; the expectations hold for any permutation). */
function shuffled(n: number, seed: number): number[] {
  const out = Array.from({ length: n }, (_, i) => i)
  let s = seed
  for (let i = n - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0
    const j = s % (i + 1)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/** V2 (`test_512_graph`): validators with equal stake put equal weight on every server, for each layout, with and without server self-weights. */
function uniformGraphCases(section: Section): VectorCase[] {
  const v = parseUniformGraph(section)
  return v.layouts.flatMap((interleave) =>
    [false, true].map((serverSelf) => ({
      name: `${section.id} ${v.networkN}-node graph, interleave ${interleave}, server self-weights ${serverSelf ? 'on' : 'off'}`,
      run: () => {
        let validators: number[]
        if (interleave === 0) validators = Array.from({ length: v.validatorsN }, (_, i) => i)
        else if (interleave === 1) validators = Array.from({ length: v.networkN }, (_, i) => i).filter((i) => i % (v.networkN / v.validatorsN) === 0)
        else validators = shuffled(v.networkN, 0x5eed).slice(0, v.validatorsN)
        const isValidator = new Set(validators)
        const servers = Array.from({ length: v.networkN }, (_, i) => i).filter((i) => !isValidator.has(i))
        const subnet = mockSubnet(harness, { tempo: v.tempo, maxAllowedValidators: v.validatorsN })
        // append_neuron(netuid, key, 0): registered at block 0, stake injected
        for (let uid = 0; uid < v.networkN; uid++) subnet.register(isValidator.has(uid) ? v.validatorStake : 0n, 0n)
        subnet.epoch(harness.raoEmission) // issues the permits
        for (const uid of validators) subnet.setWeights(uid, servers, servers.map(() => Math.floor(65535 / v.networkN)))
        if (serverSelf) for (const uid of servers) subnet.setWeights(uid, [uid], [65535])
        let result: EpochResult | undefined
        for (let e = 0; e < v.epochs; e++) result = subnet.epoch(harness.raoEmission)
        const bond = (i: number, j: number) => subnet.bonds[i]!.find(([k]) => k === j)?.[1] ?? 0
        for (const uid of validators) {
          expect([result!.consensus[uid], result!.incentive[uid], result!.dividends[uid], result!.emission[uid]]).toEqual([
            v.validators.consensus,
            v.validators.incentive,
            v.validators.dividends,
            v.validators.emission,
          ])
          expect(validators.map((j) => bond(uid, j))).toEqual(validators.map(() => v.validators.bondOnValidator))
          expect(servers.map((j) => bond(uid, j))).toEqual(servers.map(() => v.validators.bondOnServer))
        }
        for (const uid of servers) {
          expect([result!.consensus[uid], result!.incentive[uid], result!.dividends[uid], result!.emission[uid]]).toEqual([
            v.servers.consensus,
            v.servers.incentive,
            v.servers.dividends,
            v.servers.emission,
          ])
          expect(subnet.bonds[uid]!.filter(([, b]) => b !== v.servers.bonds)).toEqual([])
        }
      },
    })),
  )
}

/** V3 (`test_bonds`): original Yuma's bond EMA over seven epochs while validators drift to self-weights. */
function bondSequenceCases(section: Section): VectorCase[] {
  const v = parseBondSequence(section)
  let outcome: Array<{ block: bigint; bonds: Array<Array<[number, number]>>; emission: bigint[] }> | undefined
  const play = () => {
    if (outcome) return outcome
    const subnet = mockSubnet(harness, { tempo: v.tempo, maxAllowedValidators: v.maxAllowedValidators })
    for (const stake of v.stakes) subnet.register(stake)
    subnet.epoch(harness.raoEmission) // issues the permits
    subnet.nextBlock()
    outcome = []
    for (const step of v.steps) {
      // As in the Rust test: the first weights are set and the epoch runs in the same block; every later
      // change is made, then the block advances, then the epoch runs.
      const action = step.action
      if (action.kind === 'set') for (const uid of action.uids) subnet.setWeights(uid, action.dests, action.values)
      if (action.kind === 'self') subnet.setWeights(action.uid, [action.uid], [65535])
      if (step.epoch > 1) subnet.nextBlock()
      const result = subnet.epoch(harness.raoEmission)
      outcome.push({ block: subnet.block, bonds: subnet.bonds, emission: result.emission })
    }
    return outcome
  }
  return [
    ...v.bonds.map((row) => ({
      name: `${section.id} epoch ${row.epoch} (block ${row.block}): bonds on uid ${row.column} = [${row.values.join(', ')}]`,
      run: () => {
        const after = play()[row.epoch - 1]!
        expect(after.block).toBe(BigInt(row.block))
        expect(row.values.map((_, i) => after.bonds[i]!.find(([j]) => j === row.column)?.[1])).toEqual(row.values)
      },
    })),
    ...v.emissionTraces.map((trace) => ({
      name: `${section.id} epoch ${trace.epoch}: traced emission [${trace.emission.join(', ')}]`,
      run: () => expect(play()[trace.epoch - 1]!.emission).toEqual(trace.emission),
    })),
  ]
}

/** Runs a Yuma3 scenario (`setup_yuma_3_scenario` + `run_epoch_and_check_bonds_dividends`), recording dividends and bonds after each epoch. */
function playYuma3(setup: Yuma3Setup, scenario: Yuma3Scenario): Array<{ dividends: number[]; bonds: Array<Array<[number, number]>> }> {
  const subnet = mockSubnet(harness, {
    tempo: setup.tempo,
    bondsPenalty: setup.bondsPenalty,
    alphaSigmoidSteepness: setup.alphaSigmoidSteepness,
    bondsMovingAverage: setup.bondsMovingAverage,
  })
  for (const stake of scenario.stakes) subnet.register(stake)
  subnet.params = {
    ...subnet.params,
    kappa: setup.kappa,
    liquidAlphaEnabled: true,
    alphaValues: setup.alphaValues,
    yuma3Enabled: true,
    maxAllowedValidators: setup.maxAllowedValidators,
  }
  subnet.nextBlock()
  subnet.epoch(harness.raoEmission) // issues the permits
  return scenario.weights.map((rows) => {
    rows?.forEach((row, uid) => subnet.setWeights(uid, scenario.servers, row))
    subnet.nextBlock()
    const result = subnet.epoch(harness.raoEmission)
    return { dividends: result.dividends, bonds: subnet.bonds }
  })
}

function yuma3Cases(section: Section, scenarios: Yuma3Scenario[]): VectorCase[] {
  return scenarios.flatMap((scenario) => {
    let played: ReturnType<typeof playYuma3> | undefined
    const play = () => (played ??= playYuma3(yuma3, scenario))
    const dividendCases = scenario.dividends.map((expected, e) => ({
      name: `${section.id} ${scenario.name}, epoch ${e}: dividends [${expected.join(' ')}] ± ${scenario.tolerance}`,
      run: () => {
        const got = play()[e]!.dividends.map((d) => d / 65535)
        expect(got).toHaveLength(expected.length)
        const error = Math.max(...got.map((x, i) => Math.abs(x - expected[i]!)))
        expect(error).toBeLessThanOrEqual(scenario.tolerance)
        // the document's reference emulation stays within this bound too
        expect(error).toBeLessThanOrEqual(harness.emulationError)
      },
    }))
    const bondCases = (scenario.bondTargets ?? []).flatMap((rows, e) =>
      rows
        ? [
            {
              name: `${section.id} ${scenario.name}, epoch ${e}: bonds (written, unasserted in subtensor) ± ${scenario.tolerance}`,
              run: () => {
                const bonds = play()[e]!.bonds
                rows.forEach((row, uid) => {
                  row.forEach((target, s) => {
                    const stored = bonds[uid]!.find(([j]) => j === scenario.servers[s])?.[1] ?? 0
                    expect(Math.abs(stored / 65535 - target)).toBeLessThanOrEqual(scenario.tolerance)
                  })
                })
              },
            },
          ]
        : [],
    )
    return [...dividendCases, ...bondCases]
  })
}

/** Appendix (`test_math_weighted_median_col_sparse`): inputs are `I32F32::from_num(f32)`; zero weights are absent from the sparse rows. */
function medianCases(section: Section): VectorCase[] {
  const fixed = (x: number) => fromFixed(I32F32.saturatingFromNum(Math.fround(x)))
  return parseMedianCases(section).map((c) => ({
    name: `${section.id} weighted median: ${c.label} → [${c.median.join(', ')}]`,
    run: () => {
      const columns = c.median.length
      const rows = c.weights.map((row) => row.flatMap((w, j) => (w > 0 ? [[j, fixed(w)] as const] : [])))
      const median = weightedMedianColSparse(Float64Array.from(c.stake, fixed), sparseFromRows(rows.length ? rows : [[]]), columns, fixed(c.majority))
      expect(Array.from(median)).toEqual(c.median.map(fixed))
    },
  }))
}

const drivers: Record<string, (section: Section) => VectorCase[]> = {
  V2: uniformGraphCases,
  V3: bondSequenceCases,
  V7: (section) => yuma3Cases(section, parseKappaMoves(section, yuma3)),
  V9: (section) => yuma3Cases(section, [parseStableMiner(section, yuma3)]),
  Appendix: medianCases,
}

describe('yuma-vectors.md', () => {
  test('every vector section has a driver here', () => {
    expect(vectors.map((v) => v.id).filter((id) => !(id in drivers))).toEqual([])
    expect(vectors.length).toBeGreaterThan(0)
  })

  test('the Yuma3 set-up stores the alpha values the document says', () => {
    expect(alphaValues32(...yuma3.alphaValuesFrom)).toEqual(yuma3.alphaValues)
  })

  const cases = vectors.flatMap((section) => drivers[section.id]?.(section) ?? [])
  test.each(cases.map((c) => [c.name, c.run] as const))('%s', (_, run) => run())
})

describe('math.rs operations the vectors do not reach directly (numbers from subtensor tests/math.rs)', () => {
  const fixed = (x: number) => fromFixed(I32F32.saturatingFromNum(Math.fround(x)))
  const one = fixed(1)
  const m = (rows: number[][][]) => sparseFromRows(rows.map((r) => r.map(([j, v]) => [j!, fixed(v!)] as const)))
  const rows = (x: Parameters<typeof sparseToRows>[0]) => sparseToRows(x).map((r) => r.map(([j, b]) => [j, b / 2 ** 32]))

  test('vec_max_upscale_to_u16 (test_vec_max_upscale_to_u16)', () => {
    const up = (xs: number[]) => vecMaxUpscaleToU16(xs.map((x) => I32F32.saturatingFromNum(Math.fround(x))))
    expect(up([])).toEqual([])
    expect(up([0, 0])).toEqual([0, 0])
    expect(up([0, 0.000000001])).toEqual([0, 65535])
    expect(up([0, 0.000016, 1])).toEqual([0, 1, 65535])
    expect(up([0.000001, 0.000006, 0.000007, 0.0001, 0.001, 0.01, 0.1, 0.2, 0.3, 0.4])).toEqual([0, 1, 1, 16, 164, 1638, 16384, 32768, 49151, 65535])
    expect(up([16384])).toEqual([65535])
    expect(up([32769])).toEqual([65535])
  })

  test('mat_ema_alpha_sparse clamps at 1 and keeps the new matrix’s cells (test_mat_ema_alpha_sparse_*)', () => {
    const alphas = (x: number, n: number) => new Float64Array(n).fill(fixed(x))
    expect(rows(matEmaAlphaSparse(m([[[0, 1]], [[1, 4]]]), m([[[0, 5]], [[1, 8]]]), alphas(0.5, 2), 2))).toEqual([[[0, 1]], [[1, 1]]])
    // (1 − 0.5)·0.5 + 0.5·0.1 = 0.3 on column 0; the bond-only cell on column 1 is dropped
    const decayed = matEmaAlphaSparse(m([[[0, 0.1]], []]), m([[[0, 0.5], [1, 0.5]], []]), alphas(0.5, 1), 2)
    expect(sparseToRows(decayed)).toEqual([[[0, fixed(0.5) - fixed(0.5) / 2 + Math.floor(fixed(0.1) / 2)]], []])
  })

  test('mat_ema_sparse keeps the union of cells, positive only, in ascending columns', () => {
    const alpha = fixed(0.25)
    const ema = matEmaSparse(m([[[2, 1], [0, 0.5]], [], []]), m([[[1, 1]], [[2, 1]], []]), alpha)
    expect(rows(ema)).toEqual([[[0, 0.125], [1, 0.75], [2, 0.25]], [[2, 0.75]], []])
  })

  test('interpolate_sparse (test_math_interpolate_sparse, ratio 0.9)', () => {
    const a = m([[[0, 1]], [[0, 100], [1, 1000]], [[0, 10000], [1, 100000]]])
    const b = m([[[0, 10], [1, 100]], [[0, 1000], [1, 10000]], [[0, 100000]]])
    const got = rows(interpolateSparse(a, b, 2, fromFixed(I32F32.saturatingFromNum(0.9)))) // `I32F32::from_num(0.9)`: an f64
    const want = [[[0, 9.1], [1, 90]], [[0, 910], [1, 9100]], [[0, 91000], [1, 10000]]]
    got.forEach((row, i) => row.forEach(([j, v], k) => (expect(j).toBe(want[i]![k]![0]), expect(Math.abs(v! - want[i]![k]![1]!)).toBeLessThanOrEqual(0.0001))))
    expect(interpolateSparse(a, b, 2, 0)).toBe(a)
    expect(interpolateSparse(a, b, 2, one)).toBe(b)
  })

  test('the weight masks runEpoch applies in one pass', () => {
    const w = m([[[0, 1], [1, 1], [2, 1]], [[0, 1], [1, 1]], [[2, 1], [1, 1]]])
    const cols = (x: Parameters<typeof sparseToRows>[0]) => sparseToRows(x).map((r) => r.map(([j]) => j))
    expect(cols(maskRowsSparse([false, true], w))).toEqual([[0, 1, 2], [], []]) // past the mask counts as masked
    expect(cols(maskDiagSparse(w))).toEqual([[1, 2], [0], [1]])
    expect(cols(maskDiagSparseExceptIndex(w, 2))).toEqual([[1, 2], [0], [2, 1]])
    // last update [5, 9] (row 2 reads 0) against registration [1, 5, 7]: drop when updated ≤ registered
    expect(cols(vecMaskSparseMatrix(w, [5, 9], [1, 5, 7], (a, b) => a <= b))).toEqual([[0], [0, 1], []])
    expect(cols(scalarVecMaskSparseMatrix(w, 5, [1, 5], (a, b) => a <= b))).toEqual([[0, 2], [0], [2]]) // column 2 reads 0
  })

  test('is_topk_nonzero: zero never qualifies; among equal values the lower index loses', () => {
    expect(isTopkNonzero(Float64Array.from([0, 5, 5, 7]), 2)).toEqual([false, false, true, true])
    expect(isTopkNonzero(Float64Array.from([0, 5, 5, 7]), 5)).toEqual([false, true, true, true])
    expect(isTopkNonzero(Float64Array.from([3, 3]), 0)).toEqual([false, false])
  })

  test('u64 block numbers beyond 2^53 keep their order', () => {
    const big = (1n << 60n) + 1n
    expect(orderPreservingNumbers([big, 5n], [big - 1n, big + 1n])).toEqual([
      [3, 1],
      [2, 4],
    ])
  })
})
