import { expect, test } from 'vitest'
import { characterErrorRate, levenshtein, scoreOcr } from './score.ts'

test('levenshtein counts insertions, deletions and substitutions by code point', () => {
  expect(levenshtein('', '')).toBe(0)
  expect(levenshtein('abc', '')).toBe(3)
  expect(levenshtein('kitten', 'sitting')).toBe(3)
  expect(levenshtein('flaw', 'lawn')).toBe(2)
  expect(levenshtein('汉字a', '汉a')).toBe(1)
  expect(levenshtein('ab', 'ba')).toBe(2)
})

test('CER: edits over the drawn text’s length; the answer’s whitespace and full-width forms are normalised', () => {
  expect(characterErrorRate('Hk4#', 'Hk4#')).toBe(0)
  expect(characterErrorRate(' Hk4# ', 'Hk4#')).toBe(0)
  expect(characterErrorRate('Hk？', 'Hk?')).toBe(0)
  expect(characterErrorRate('Hx4#', 'Hk4#')).toBe(0.25)
  expect(characterErrorRate('', 'Hk4#')).toBe(1)
  expect(characterErrorRate('Hk4#Hk4#Hk4#', 'Hk4#')).toBe(2)
})

test('the score is the mean of max(0, 1 − CER) per line; malformed answers score 0 with the reason', () => {
  expect(scoreOcr(['abcd', 'wxyz'], { texts: ['abcd', 'wxyq'] })).toEqual({ ok: true, score: 0.875, perLine: [1, 0.75], exact: 1 })
  expect(scoreOcr(['much too long an answer'], { texts: ['ab'] })).toMatchObject({ ok: true, score: 0 })
  expect(scoreOcr(['a'], { texts: ['a', 'b'] })).toEqual({ ok: false, score: 0, reason: 'the answer has 1 text; the query had 2 lines' })
  expect(scoreOcr([3], { texts: ['a'] })).toEqual({ ok: false, score: 0, reason: 'text 0 is not a string' })
  expect(scoreOcr('ab', { texts: ['a'] })).toMatchObject({ ok: false, score: 0 })
})
