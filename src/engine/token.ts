// The bearer token requests carry: the newest one the page gave, or one fetched from a
// `tokenProvider` after a 401/403 or, for a JWT, shortly before it expires.
import { jwtExpiry } from '../jwt.js';
import { bounded } from './bounded.js';
import type { FollowEnvironment } from './environment.js';

export type TokenProvider = () => Promise<string>;

/** A JWT is refreshed this long before its `exp`, and at most once in this long. */
export const TOKEN_MARGIN = 30_000;

export class TokenKeeper {
  /** The token the next request carries. */
  current: string | undefined;
  /** When a token was last asked for ahead of its expiry. */
  #lastAhead = -Infinity;
  readonly #env: FollowEnvironment;

  constructor(env: FollowEnvironment) {
    this.#env = env;
  }

  /**
   * Asks the providers in turn until one answers a non-empty token within `ms`. A provider that
   * throws, answers nothing or does not settle in time is passed over. Resolves whether one answered.
   */
  async refresh(providers: readonly TokenProvider[], ms: number, signal: AbortSignal): Promise<boolean> {
    for (const provider of providers) {
      try {
        const token = await bounded(this.#env, ms, signal, () => provider());
        if (signal.aborted) return false;
        if (typeof token === 'string' && token) {
          this.current = token;
          return true;
        }
      } catch {
        if (signal.aborted) return false;
      }
    }
    return false;
  }

  /**
   * When the token is a JWT close to its expiry, fetches a new one in the background while
   * requests go on with the current one; at most once per margin, so a provider that hands out
   * short-lived tokens is not asked before every request.
   */
  refreshAhead(providers: readonly TokenProvider[], ms: number, signal: AbortSignal): void {
    const expiry = jwtExpiry(this.current);
    const now = this.#env.now();
    if (!providers.length || expiry === undefined || expiry - now >= TOKEN_MARGIN) return;
    if (now - this.#lastAhead < TOKEN_MARGIN) return;
    this.#lastAhead = now;
    void this.refresh(providers, ms, signal);
  }
}
