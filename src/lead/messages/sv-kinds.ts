/**
 * Swedish texts of the website kinds' forms (an interest, a viewing booking, a valuation): in the lazily loaded part
 * those forms load before they first draw, not in the entry file with the rest of Swedish (sv.ts).
 */
import type { KindTexts } from './types.js';

export const kinds: KindTexts = {
  slotsLegend: 'Välj en visningstid',
  slotsLoading: 'Hämtar visningstiderna…',
  slotsNone: 'Det finns inga visningstider att boka just nu.',
  offerInterest: 'Anmäl intresse i stället',
  slotsFailed: 'Visningstiderna kunde inte hämtas.',
  retry: 'Försök igen',
  estateUnknown: 'Bostaden är inte till salu längre, eller så är länken fel.',
  slotRequired: 'Välj en visningstid',
  slotFull: 'Tiden hann bli fullbokad. Välj en annan tid.',
  slotPrefix: 'Visning',
  thanks: {
    interest: { heading: 'Tack för din intresseanmälan!', body: 'Mäklaren hör av sig till dig om bostaden.' },
    viewing: { heading: 'Du är anmäld!', body: (slot) => `Du är anmäld till visningen ${slot}.` },
    valuation: {
      heading: 'Tack för din förfrågan!',
      body: 'Mäklaren hör av sig för att boka en tid för värderingen.',
    },
  },
};
