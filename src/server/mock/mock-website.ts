/**
 * The mock's website family (lead-kinds.ts), as Vitec's OpenAPI description states it: an interest in an estate
 * (`POST Advertising/Estate/{customerId}/{estateId}/interest`, 204), an estate's form data with its viewings
 * (`GET v2/Advertising/Form/{customerId}/Estate/{estateId}`), a viewing booking (`POST …/Viewing/Attend`,
 * `{contactId}`) and a valuation request (`POST v2/Advertising/Form/{customerId}/Valuation`, `{contactId}`).
 *
 * Its estates are seeded relative to the clock, with Vitec's bare Stockholm wall-clock times and past viewings in
 * the list as Vitec has them: `DEMO-VILLA` has two upcoming viewings of several slots (one slot full, and a viewing
 * that is hidden, one without self-registration and one past its deadline besides); `DEMO-RADHUS` only past
 * viewings; `DEMO-ETTA` none. Each slot takes `SLOT_PLACES` bookings, then is full. Names are 1–40 characters, and an
 * interest needs an e-mail address or a phone number (Vitec's rule; the mock holds the booking and the valuation to
 * it too, as the relay does): each refused as a 400 `ModelState` in Swedish. An unknown estate is a 404.
 */
import type { RouteName } from '../../lead/lead-kinds.js';
import { STOCKHOLM } from '../../lead/viewings.js';

export const SLOT_PLACES = 3;

interface Slot {
  id: string;
  startsAt: string;
  endsAt: string;
  isRegistrationAvailable: boolean;
  booked: number;
}
interface Viewing {
  id: string;
  startsAt: string;
  endsAt: string;
  deadlineAt: string | null;
  isSelfRegistrationEnabled: boolean;
  isVisible: boolean;
  comment: string;
  timeSlots: Slot[];
}
interface Estate {
  id: string;
  address: { streetAddress: string; zipCode: string; city: string };
  viewings: Viewing[];
}

/** Stockholm's wall clock at `at` plus `days`, at `hh:mm`, as Vitec writes it (no offset). */
function wallClock(at: Date, days: number, hhmm: string): string {
  const date = new Intl.DateTimeFormat('sv-SE', {
    timeZone: STOCKHOLM,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .format(new Date(at.getTime() + days * 86_400_000))
    .replace(/[^\d-]/g, '');
  return `${date}T${hhmm}:00`;
}

/** The demo's estates, their viewings around `now`. */
export function seedEstates(now: Date): Map<string, Estate> {
  const viewing = (
    id: string,
    days: number,
    slots: [string, string, boolean?][],
    extra: Partial<Viewing> = {},
  ): Viewing => ({
    id,
    startsAt: wallClock(now, days, slots[0]![0]),
    endsAt: wallClock(now, days, slots.at(-1)![1]),
    deadlineAt: null,
    isSelfRegistrationEnabled: true,
    isVisible: true,
    comment: 'Välkommen!',
    timeSlots: slots.map(([start, end, full], i) => ({
      id: `${id}-${i + 1}`,
      startsAt: wallClock(now, days, start),
      endsAt: wallClock(now, days, end),
      isRegistrationAvailable: !full,
      booked: full ? SLOT_PLACES : 0,
    })),
    ...extra,
  });
  const estates: Estate[] = [
    {
      id: 'DEMO-VILLA',
      address: { streetAddress: 'Villavägen 12', zipCode: '182 60', city: 'Djursholm' },
      viewings: [
        viewing('V1', -3, [['17:30', '18:00']]),
        viewing('V2', 2, [
          ['17:30', '18:00'],
          ['18:00', '18:30', true],
          ['18:30', '19:00'],
        ]),
        viewing('V3', 4, [
          ['11:00', '11:30'],
          ['11:30', '12:00'],
        ]),
        viewing('V4', 5, [['13:00', '13:30']], { isVisible: false }),
        viewing('V5', 6, [['13:00', '13:30']], { isSelfRegistrationEnabled: false }),
        viewing('V6', 7, [['13:00', '13:30']], { deadlineAt: wallClock(now, -1, '12:00') }),
      ],
    },
    {
      id: 'DEMO-RADHUS',
      address: { streetAddress: 'Radhusgatan 3', zipCode: '113 45', city: 'Stockholm' },
      viewings: [viewing('R1', -30, [['17:00', '17:30']]), viewing('R2', -400, [['12:00', '12:45']])],
    },
    {
      id: 'DEMO-ETTA',
      address: { streetAddress: 'Ettans gränd 1', zipCode: '411 01', city: 'Göteborg' },
      viewings: [],
    },
  ];
  return new Map(estates.map((estate) => [estate.id.toLowerCase(), estate]));
}

/** An estate as Vitec's GET gives it: its office and agents too (which the relay does not pass to the page). */
export function estateAnswer(estate: Estate, customerId: string) {
  return {
    id: estate.id,
    office: { customerId, name: 'Demomäklarna' },
    agents: [{ id: 'AG1', name: 'Mona Mäklare', email: 'mona@demomaklarna.se', isPrimary: true }],
    address: { unitDesignation: 'Demo 1:1', ...estate.address, coordinate: { longitude: 18.07, latitude: 59.33 } },
    viewings: estate.viewings.map(({ timeSlots, ...rest }) => ({
      ...rest,
      timeSlots: timeSlots.map(({ booked: _booked, ...slot }) => slot),
    })),
  };
}

/** A property read the way Json.NET binds one: case-insensitively. */
function prop(object: unknown, name: string): unknown {
  if (!object || typeof object !== 'object' || Array.isArray(object)) return undefined;
  const key = Object.keys(object).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : (object as Record<string, unknown>)[key];
}
const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** The rules of an application, with Vitec's kind of Swedish messages under `application.…` keys. */
export function validateApplication(kind: RouteName, body: unknown): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (key: string, message: string) => (errors[`application.${key}`] ??= []).push(message);
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { application: ['Ansökan måste anges.'] };
  for (const [key, label] of [
    ['firstName', 'Förnamn'],
    ['lastName', 'Efternamn'],
  ] as const) {
    const value = text(prop(body, key));
    if (value.length < 1 || value.length > 40)
      add(key.charAt(0).toUpperCase() + key.slice(1), `${label} måste vara mellan 1 och 40 tecken.`);
  }
  if (kind === 'interest') {
    const email = prop(body, 'email');
    const phone = prop(body, 'telephone');
    const reachable =
      text(prop(email, 'emailAddress')) ||
      text(prop(email, 'emailAddress2')) ||
      text(prop(phone, 'home')) ||
      text(prop(phone, 'work')) ||
      text(prop(phone, 'cell'));
    if (!reachable) add('Email', 'En e-postadress, ett telefonnummer eller ett mobilnummer måste anges.');
    const status = prop(body, 'status');
    if (
      status !== undefined &&
      !['Interested', 'VeryInterested', 'Assigned', 'NotInterested', 0, 1, 2, 3].includes(status as string)
    )
      add('Status', 'Statusen är ogiltig.');
  } else if (!text(prop(body, 'email')) && !text(prop(body, 'cellPhone')))
    add('Email', 'En e-postadress eller ett mobilnummer måste anges.');
  if (kind === 'viewing' && !text(prop(body, 'timeSlotId'))) add('TimeSlotId', 'Visningstid måste anges.');
  return errors;
}

/**
 * Books a slot of an estate: the message of a refusal (no such slot, not bookable, full), or `undefined` when
 * booked. A slot is full after `SLOT_PLACES` bookings.
 */
export function bookSlot(estate: Estate, slotId: string, now: Date): string | undefined {
  for (const viewing of estate.viewings) {
    const slot = viewing.timeSlots.find((candidate) => candidate.id === slotId);
    if (!slot) continue;
    const started =
      slot.startsAt <=
      wallClock(
        now,
        0,
        new Intl.DateTimeFormat('en-GB', {
          timeZone: STOCKHOLM,
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        }).format(now),
      );
    if (!viewing.isVisible || !viewing.isSelfRegistrationEnabled || started) return 'Visningstiden går inte att boka.';
    if (!slot.isRegistrationAvailable || slot.booked >= SLOT_PLACES) return 'Visningstiden är fullbokad.';
    slot.booked += 1;
    if (slot.booked >= SLOT_PLACES) slot.isRegistrationAvailable = false;
    return undefined;
  }
  return 'Visningstiden finns inte.';
}
