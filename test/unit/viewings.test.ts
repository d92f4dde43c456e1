// Vitec's viewing times (bare Swedish wall-clock times) and what a visitor can book of them (src/lead/viewings.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bookableSlots, slotText, vitecTime } from '../../src/lead/viewings.ts';

const iso = (text: string) => new Date(vitecTime(text)).toISOString();

describe('vitecTime', () => {
  it('should read a bare time as Stockholm wall clock, summer and winter, and honour an explicit offset', () => {
    assert.equal(iso('2026-12-08T17:30:00'), '2026-12-08T16:30:00.000Z', 'CET, UTC+1');
    assert.equal(iso('2026-07-08T17:30'), '2026-07-08T15:30:00.000Z', 'CEST, UTC+2');
    assert.equal(iso('2026-03-29T03:30:00'), '2026-03-29T01:30:00.000Z', 'the first hour of summer time');
    assert.equal(iso('2026-12-08T17:30:00+02:00'), '2026-12-08T15:30:00.000Z');
    assert.equal(iso('2026-12-08T17:30:00Z'), '2026-12-08T17:30:00.000Z');
    for (const bad of ['', 'tisdag', '2026-12-08', 17, null]) assert.ok(Number.isNaN(vitecTime(bad)), String(bad));
  });
});

describe('bookableSlots', () => {
  const now = Date.parse('2026-12-07T09:00:00Z');
  const viewing = (extra: Record<string, unknown>, slots: Record<string, unknown>[]) => ({
    isVisible: true,
    isSelfRegistrationEnabled: true,
    deadlineAt: null,
    timeSlots: slots,
    ...extra,
  });
  const slot = (id: string, start: string, extra: Record<string, unknown> = {}) => ({
    id,
    startsAt: start,
    endsAt: start.replace(/T(\d\d)/, (_m, h: string) => `T${String(Number(h) + 1).padStart(2, '0')}`),
    isRegistrationAvailable: true,
    ...extra,
  });

  it('should keep the open slots of visible, self-registered viewings before their deadline, in time order', () => {
    const estate = {
      viewings: [
        viewing({}, [
          slot('late', '2026-12-10T12:00:00'),
          slot('full', '2026-12-09T12:00:00', { isRegistrationAvailable: false }),
        ]),
        viewing({}, [slot('early', '2026-12-08T12:00:00'), slot('past', '2026-12-01T12:00:00')]),
        viewing({ isVisible: false }, [slot('hidden', '2026-12-09T13:00:00')]),
        viewing({ isSelfRegistrationEnabled: false }, [slot('closed', '2026-12-09T14:00:00')]),
        viewing({ deadlineAt: '2026-12-07T09:00:00' }, [slot('deadline', '2026-12-09T15:00:00')]),
        viewing({}, [slot('', '2026-12-09T16:00:00'), { id: 'broken', startsAt: 'soon' }]),
      ],
    };
    assert.deepEqual(
      bookableSlots(estate, now).map((s) => s.id),
      ['early', 'late'],
    );
    assert.deepEqual(bookableSlots({ viewings: 'none' }, now), []);
    assert.deepEqual(bookableSlots(null, now), []);
  });
});

describe('slotText', () => {
  it('should write a slot in Stockholm time for people, in Swedish and English', () => {
    const slot = { startsAt: '2026-12-08T16:30:00.000Z', endsAt: '2026-12-08T17:00:00.000Z' };
    assert.equal(slotText(slot, 'sv'), 'tisdag 8 december kl. 17.30–18.00');
    assert.equal(slotText(slot, 'en'), 'Tuesday 8 December, 17:30–18:00');
  });
});
