// What the status answers tell of the wait (docs/behaviour.md, "What the API knows of the wait"):
// whether the task is queued, its progress and previews, read so that a malformed field is ignored
// and never stops following; and how long the task has run, counted from when it began to be
// processed, which teaches its kind's history and, with its progress, says when it will end.
import type { TaskImage, TaskSnapshot } from '../types.js';
import type { EstimatedEnd } from './contract.js';
import type { FollowEnvironment } from './environment.js';
import { type DurationOptions, MAX_DURATION, historyKind } from './durations.js';

/** The shortest time between two progress readings that give a rate. */
export const RATE_SPAN = 2000;

/** The optional fields of a pending answer, each kept only where it is what it claims to be. */
export interface WaitReport {
  queued: boolean;
  queuePosition?: number;
  progress?: number;
  previews?: TaskImage[];
}

// An adapter of the page's own may send anything in these fields: they are checked as `unknown`.
export function readWait(report: TaskSnapshot): WaitReport {
  const { phase, previews } = report;
  const { progress, queuePosition }: { progress?: unknown; queuePosition?: unknown } = report;
  const position = Number.isSafeInteger(queuePosition) && (queuePosition as number) >= 0;
  return report.state === 'pending'
    ? {
        // The gateway's statuses 1 and 2 (created, queued), or any queue position.
        queued: position || phase === 'created' || phase === 'queued',
        queuePosition: position ? (queuePosition as number) : undefined,
        progress: typeof progress === 'number' && progress >= 0 && progress <= 1 ? progress : undefined,
        previews: Array.isArray(previews)
          ? previews.filter((image: Partial<TaskImage> | null) => image?.status === 'succeeded')
          : undefined,
      }
    : { queued: false };
}

/**
 * How long a task has run, told by its status answers: from when it was first reported processing
 * after waiting in a queue (the middle of the stretch it began in), else from the API's creation
 * time when the status says, else from when following began. A task seen from a pending answer to
 * its completion teaches its kind's history how long it took: the middle of the stretch it
 * completed in, between the last pending answer and the completed one (each request taken at its
 * middle, when the server looked).
 */
export class TaskAge {
  /** When the task began to run, on the environment's clock. */
  #origin: number | undefined;
  /** When following began, when it began before this page (a reload); else the first request. */
  readonly #startedAt: number | undefined;
  /** Whether the first status answer was pending: then the task's whole duration is seen here. */
  #fromStart: boolean | undefined;
  /** The task's age in the middle of the last status request that answered pending. */
  #pendingAge = 0;
  /** The middle of the last status request that answered queued. */
  #queuedAt: number | undefined;
  /** The first progress reading: when, and how far. */
  #firstReading: { at: number; progress: number } | undefined;
  readonly #env: FollowEnvironment;

  constructor(env: FollowEnvironment, startedAt?: number) {
    this.#env = env;
    this.#startedAt = startedAt;
  }

  /**
   * The task's age in ms at an answer to a status request sent at `sentAt`; undefined while it
   * waits in a queue, where the time is not its duration.
   */
  answered(
    report: Pick<TaskSnapshot, 'state' | 'age'>,
    wait: WaitReport,
    sentAt: number,
    options: DurationOptions,
  ): number | undefined {
    const now = this.#env.now();
    const looked = (sentAt + now) / 2;
    this.#fromStart ??= report.state === 'pending';
    if (wait.queued) {
      this.#queuedAt = looked;
      return undefined;
    }
    // An age no task could have (NaN, negative, beyond the longest estimate) is not used.
    const { age: told } = report;
    const known = typeof told === 'number' && told >= 0 && told <= MAX_DURATION;
    this.#origin ??=
      this.#queuedAt === undefined
        ? known
          ? now - told
          : (this.#startedAt ?? sentAt)
        : (this.#queuedAt + looked) / 2;
    const age = looked - this.#origin;
    if (report.state === 'pending') this.#pendingAge = age;
    else if (report.state === 'completed' && this.#fromStart) {
      const kind = historyKind(options);
      if (kind !== undefined)
        this.#env.durations.record(kind, (this.#pendingAge + age) / 2, options.rememberDurations);
    }
    return now - this.#origin;
  }

  /**
   * When the task ends at the rate its progress rose since the first reading, once two readings
   * `RATE_SPAN` apart exist and it rose; `progress` is the highest so far.
   */
  progressEnd(progress: number): EstimatedEnd | undefined {
    const now = this.#env.now();
    const first = (this.#firstReading ??= { at: now, progress });
    const rate = (progress - first.progress) / (now - first.at);
    return now - first.at >= RATE_SPAN && rate > 0
      ? { from: now - progress / rate, duration: 1 / rate }
      : undefined;
  }
}
