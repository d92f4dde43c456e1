/**
 * An estate's bookable viewing slots for the booking form (GET, Vitec's `v2/Advertising/Form/{customerId}/Estate/
 * {estateId}`): read from Vitec at most once a minute per customer and estate, however many pages ask at once (Vitec
 * requires its partners to cache what they read), and reduced to what the form shows (viewings.ts: the bookable
 * slots, no agent, e-mail or office). A booking Vitec refuses drops its estate from the cache, so that the slots the
 * visitor is shown next are Vitec's. The cache is each relay's own: on a fleet, another relay may show slots a minute
 * old, and Vitec still refuses a full one.
 */
import type { MiddlewareHandler } from 'hono';
import { estateSlots } from '../../lead/viewings.js';
import { MISCONFIGURED_BODY, RELAY_CODES } from '../../lead/vitec-protocol.js';
import { answer, type RelayEnv } from '../context.js';
import { authorizationFor, type ForwarderConfig, readBounded } from './forward.js';

/** What is served for an estate: Vitec's decision (cached) or a failure (not cached). */
export interface EstateAnswer {
  status: number;
  body: string;
  cached: boolean;
  vitecStatus?: number;
  event?: string;
}

/** The most of Vitec's answer the relay reads: an estate with years of viewings is a few dozen KiB. */
const MAX_ESTATE_BYTES = 512 * 1024;
const body = (text: string, code?: string) => JSON.stringify(code ? { Message: text, Code: code } : { Message: text });

/** Answers kept a minute per customer and estate, at most `max` of them (the oldest go first). */
export class EstateCache {
  private readonly kept = new Map<string, { answer: EstateAnswer; until: number }>();
  constructor(private readonly options: { ttlMs?: number; max?: number; now: () => number }) {}

  get(key: string): EstateAnswer | undefined {
    const kept = this.kept.get(key);
    if (kept && kept.until > this.options.now()) return kept.answer;
    if (kept) this.kept.delete(key);
    return undefined;
  }

  set(key: string, answer: EstateAnswer): void {
    this.kept.delete(key);
    this.kept.set(key, { answer, until: this.options.now() + (this.options.ttlMs ?? 60_000) });
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= (this.options.max ?? 1_000)) break;
      this.kept.delete(oldest);
    }
  }

  drop(key: string): void {
    this.kept.delete(key);
  }
}

/** The cache's key of a customer's estate. */
export const estateKey = (customerId: string, estateId: string): string => `${customerId}\n${estateId}`;

/** Reads an estate from Vitec and reduces it; never throws. */
export function createEstateReader(config: ForwarderConfig) {
  return async function readEstate(path: string, estateId: string): Promise<EstateAnswer> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), config.timeoutMs);
    try {
      const response = await config.fetch(config.base + path, {
        method: 'GET',
        headers: { authorization: authorizationFor(config, 'estate'), accept: 'application/json' },
        redirect: 'manual',
        signal: controller.signal,
      });
      const vitecStatus = response.status;
      const text = await readBounded(response, MAX_ESTATE_BYTES);
      if (vitecStatus === 200 && text !== undefined) {
        try {
          const reduced = estateSlots(estateId, JSON.parse(text) as unknown, config.now());
          return { status: 200, body: JSON.stringify(reduced), cached: true, vitecStatus };
        } catch {
          return { status: 502, body: body('Vitec answered something else.'), cached: false, vitecStatus };
        }
      }
      if (vitecStatus === 404)
        return {
          status: 404,
          body: body('Vitec does not know this estate.', RELAY_CODES.estateUnknown),
          cached: true,
          vitecStatus,
          event: 'estate-unknown',
        };
      if (vitecStatus === 401 || vitecStatus === 403)
        return {
          status: 500,
          body: JSON.stringify(MISCONFIGURED_BODY),
          cached: false,
          vitecStatus,
          event: `vitec-${vitecStatus === 401 ? 'unauthorized' : 'forbidden'}: check the website family's username and password (VITEC_ADVERTISING_USERNAME, or VITEC_USERNAME) and the customer id`,
        };
      return {
        status: 502,
        body: body('The viewings could not be read. Try again later.'),
        cached: false,
        vitecStatus,
        event: 'vitec-failed',
      };
    } catch {
      return controller.signal.aborted
        ? {
            status: 504,
            body: body('Vitec did not answer in time. Try again later.'),
            cached: false,
            event: 'vitec-timeout',
          }
        : {
            status: 502,
            body: body('The viewings could not be read. Try again later.'),
            cached: false,
            event: 'vitec-unreachable',
          };
    } finally {
      clearTimeout(timer);
    }
  };
}

/** Serves the estate's slots from the cache, or reads them once for every request that asks meanwhile. */
export function serveEstate(options: {
  cache: EstateCache;
  read: (path: string, estateId: string) => Promise<EstateAnswer>;
}): MiddlewareHandler<RelayEnv> {
  const { cache, read } = options;
  const reading = new Map<string, Promise<EstateAnswer>>();
  return async function estateSlotsFromCache(c) {
    const estateId = c.get('estateId');
    const key = estateKey(c.get('customerId'), estateId);
    const record = c.get('record');
    let result = cache.get(key);
    if (result) record.event = 'estate-cached';
    else {
      let pending = reading.get(key);
      if (!pending) {
        pending = read(c.get('vitecPath'), estateId).then((read) => {
          if (read.cached) cache.set(key, read);
          return read;
        });
        reading.set(key, pending);
        void pending.finally(() => reading.delete(key));
      }
      result = await pending;
      if (result.vitecStatus !== undefined) record.vitecStatus = result.vitecStatus;
      if (result.event) record.event = result.event;
    }
    return answer(c, result.status, c.req.method === 'HEAD' ? null : result.body);
  };
}

/** After a booking: when Vitec refused it (a slot full, a deadline passed), its estate's slots are read again. */
export function dropRefusedBooking(options: { cache: EstateCache }): MiddlewareHandler<RelayEnv> {
  return async function dropEstateOnRefusal(c, next) {
    await next();
    if (c.get('route') === 'viewing' && (c.res.status === 400 || c.res.status === 404))
      options.cache.drop(estateKey(c.get('customerId'), c.get('estateId')));
  };
}
