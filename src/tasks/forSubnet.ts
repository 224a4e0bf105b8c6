// Which task a subnet runs, read from its on-chain identity (pure): `webtensor task: <id>` in `additional` wins, else a subnet name
// that is a task id; a subnet with no identity at all is assumed to run digits (the devnet's plain subnets); otherwise it runs no task
// this build knows, and the pages say so instead of mining or validating the wrong thing.

/** The tasks this build of webtensor can mine and validate (src/tasks/<id>). */
export const TASK_IDS = ['digits', 'ocr'] as const
export type TaskId = (typeof TASK_IDS)[number]

/** What a subnet with no identity is taken to run: the first milestone's task, which every plain devnet subnet runs. */
export const ASSUMED_TASK: TaskId = 'digits'

/** The slice of a decoded identity (src/chain's `SubnetIdentity`: `name` is `subnet_name`) that says which task a subnet runs. */
export type TaskIdentity = { name: string; additional: string }

export type SubnetTask =
  /** `declared`: `additional` says `webtensor task: <id>`; `named`: `subnet_name` is the id; `assumed`: the subnet has no identity. */
  | { taskId: TaskId; source: 'declared' | 'named' | 'assumed' }
  /** The identity names no task this build knows (`declared`: the one it declares, when it declares one). */
  | { taskId: undefined; declared?: string; name: string }

const DECLARATION = /webtensor task:\s*([^\s,;]+)/i

export const isTaskId = (id: string): id is TaskId => (TASK_IDS as readonly string[]).includes(id)

/** The task a subnet runs, from its identity (undefined: the subnet has none). */
export function subnetTask(identity: TaskIdentity | undefined): SubnetTask {
  const name = identity?.name.trim() ?? ''
  const additional = identity?.additional ?? ''
  if (!identity || (name === '' && additional.trim() === '')) return { taskId: ASSUMED_TASK, source: 'assumed' }
  const declared = DECLARATION.exec(additional)?.[1]?.toLowerCase()
  if (declared !== undefined) return isTaskId(declared) ? { taskId: declared, source: 'declared' } : { taskId: undefined, declared, name }
  const named = name.toLowerCase()
  return isTaskId(named) ? { taskId: named, source: 'named' } : { taskId: undefined, name }
}

/** Just the id: undefined when the subnet runs no task this build knows. */
export const taskForSubnet = (identity: TaskIdentity | undefined): TaskId | undefined => subnetTask(identity).taskId

/** The choice in words, for a page or a log line. */
export function describeSubnetTask(task: SubnetTask): string {
  if (task.taskId === undefined) {
    const which = task.declared !== undefined ? `its identity declares the task “${task.declared}”` : `its identity${task.name ? ` (“${task.name}”)` : ''} names none of ${TASK_IDS.join(', ')}`
    return `This subnet runs no task webtensor knows: ${which}.`
  }
  switch (task.source) {
    case 'declared':
      return `Task: ${task.taskId} (declared in the subnet’s identity).`
    case 'named':
      return `Task: ${task.taskId} (the subnet’s name).`
    case 'assumed':
      return `Task: assumed: ${task.taskId} (this subnet has no on-chain identity saying which task it runs).`
  }
}
