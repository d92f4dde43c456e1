/**
 * An estate's viewings as Vitec gives them (`GET v2/Advertising/Form/{customerId}/Estate/{estateId}`), and what a
 * visitor can book of them. Vitec writes its times as bare Swedish wall-clock times, without an offset, to be read in
 * Europe/Stockholm (an explicit offset is honoured); every viewing it has is listed, past ones too. Pure: the relay
 * reduces Vitec's answer with it, and the element words the slots with it.
 */

export const STOCKHOLM = 'Europe/Stockholm';

/** One time slot the visitor can book, its times as instants (ISO 8601, UTC). */
export interface BookableSlot {
  readonly id: string;
  readonly startsAt: string;
  readonly endsAt: string;
}

/** What the relay gives the page of an estate: its id and the slots bookable now, in time order. */
export interface EstateSlots {
  readonly estateId: string;
  readonly slots: readonly BookableSlot[];
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const WITH_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * One `Intl.DateTimeFormat` per locale and options, made on first use and kept: making one costs far more than using
 * it, and a booking form words its slots again on every render.
 */
const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, { timeZone: STOCKHOLM, ...options })));
  return format;
}

/** The wall clock in Stockholm at an instant, read as if it were UTC (ms). */
function stockholmWallClock(instant: number): number {
  const format = formatter('en-US', {
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/**
 * The instant of one of Vitec's times, in milliseconds: a bare time is Stockholm's wall clock (in the hour that
 * occurs twice in October, the second, winter time's); one with an offset is as it says. `NaN` for anything else.
 */
export function vitecTime(text: unknown): number {
  if (typeof text !== 'string') return NaN;
  const value = text.trim();
  if (WITH_OFFSET.test(value)) return Date.parse(value);
  const match = WALL_CLOCK.exec(value);
  if (!match) return NaN;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const asUtc = Date.UTC(y!, mo! - 1, d!, h!, mi!, s || 0);
  // The offset at the guess, then at the instant it gives (they differ only across a change of summer time).
  const first = asUtc - (stockholmWallClock(asUtc) - asUtc);
  const instant = asUtc - (stockholmWallClock(first) - first);
  return Number.isNaN(instant) ? NaN : instant;
}

type Loose = Record<string, unknown> | null | undefined;
const list = (value: unknown): Loose[] => (Array.isArray(value) ? (value as Loose[]) : []);
const id = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() && value.length <= 100 ? value : undefined;

/**
 * The slots a visitor can book at `now`: of a viewing that is visible and takes self-registration, not past its
 * deadline, a slot open for registration that has not started; in time order. Anything malformed is left out.
 */
export function bookableSlots(estate: unknown, now: number): BookableSlot[] {
  const slots: (BookableSlot & { at: number })[] = [];
  for (const viewing of list((estate as Loose)?.viewings)) {
    if (viewing?.isVisible !== true || viewing.isSelfRegistrationEnabled !== true) continue;
    const deadline = viewing.deadlineAt == null ? Infinity : vitecTime(viewing.deadlineAt);
    if (!(deadline > now)) continue;
    for (const slot of list(viewing.timeSlots)) {
      const slotId = id(slot?.id);
      const start = vitecTime(slot?.startsAt);
      const end = vitecTime(slot?.endsAt);
      if (!slotId || slot?.isRegistrationAvailable !== true || !(start > now) || !(end > start)) continue;
      slots.push({
        id: slotId,
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(end).toISOString(),
        at: start,
      });
    }
  }
  return slots
    .sort((a, b) => a.at - b.at)
    .map(({ id: slotId, startsAt, endsAt }) => ({ id: slotId, startsAt, endsAt }));
}

/** What the relay passes to the page of Vitec's answer: the estate's id and its bookable slots, nothing else. */
export function estateSlots(estateId: string, estate: unknown, now: number): EstateSlots {
  return { estateId, slots: bookableSlots(estate, now) };
}

/**
 * A slot written for people, in Stockholm time: "tisdag 8 december kl. 17.30–18.00" in Swedish, "Tuesday 8 December,
 * 17:30–18:00" in English; a slot past midnight says so by its end's date.
 */
export function slotText(slot: Pick<BookableSlot, 'startsAt' | 'endsAt'>, lang: 'sv' | 'en' | (string & {})): string {
  const sv = lang === 'sv';
  const locale = sv ? 'sv-SE' : 'en-GB';
  const day = formatter(locale, { weekday: 'long', day: 'numeric', month: 'long' });
  const time = (iso: string) => {
    const parts = formatter('en-GB', { hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).formatToParts(
      new Date(iso),
    );
    const at = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
    return `${at('hour')}${sv ? '.' : ':'}${at('minute')}`;
  };
  const start = new Date(slot.startsAt);
  const end = new Date(slot.endsAt);
  const sameDay = day.format(start) === day.format(end);
  const date = day.format(start).replace(',', '');
  const until = sameDay ? time(slot.endsAt) : `${day.format(end).replace(',', '')} ${time(slot.endsAt)}`;
  return sv ? `${date} kl. ${time(slot.startsAt)}–${until}` : `${date}, ${time(slot.startsAt)}–${until}`;
}
